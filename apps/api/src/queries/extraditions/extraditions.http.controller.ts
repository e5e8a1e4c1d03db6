import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { EXTRADITION_ROUTES } from '@liaison/domain';
import { RequireAnyScope, RequireScopes, Scope } from '../../auth/index.js';
import { CountryFilter } from '../shared/country-query.js';
import { PagedQueryDto, ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';
import { ApiRead } from '../../access/api-read.decorator.js';

class ExtraditionsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: EXTRADITION_ROUTES })
  @IsOptional()
  @IsIn(EXTRADITION_ROUTES)
  route?: string;

  @CountryFilter('AE') requestedCountry?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdueOnly?: boolean;
}

@ApiTags('extradition tracker')
@ApiBearerAuth()
@Controller('api/v1/extraditions')
export class ExtraditionsQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'Open extradition requests with stage, days in stage, statutory deadline and overdue flag' })
  list(@Req() req: FastifyRequest, @Query() q: ExtraditionsQueryDto) {
    return this.gateway.read(req, ...namedQuery('openExtraditions', { route: q.route, requestedCountry: q.requestedCountry, overdueOnly: q.overdueOnly, limit: q.limit, cursor: q.cursor }));
  }

  @Get('counts')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({ summary: 'Open requests counted by route and stage, with how many are overdue' })
  counts(@Req() req: FastifyRequest, @Query() _q: ReadQueryDto) {
    return this.gateway.read(req, ...namedQuery('extraditionCounts', {}));
  }
}

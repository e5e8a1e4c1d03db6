import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { PLATFORMS } from '@liaison/domain';
import { RequireAnyScope, RequireScopes, Scope } from '../../auth/index.js';
import { CountryFilter } from '../shared/country-query.js';
import { PagedQueryDto, ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';
import { ApiRead } from '../../access/api-read.decorator.js';

class HandlersQueryDto extends PagedQueryDto {
  @CountryFilter('IQ') believedCountry?: string;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: string;
}

@ApiTags('handlers abroad')
@ApiBearerAuth()
@Controller('api/v1/handlers')
export class HandlersQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'Handlers believed abroad, with platforms, evaluation and linked persons' })
  list(@Req() req: FastifyRequest, @Query() q: HandlersQueryDto) {
    return this.gateway.read(req, ...namedQuery('listHandlers', { believedCountry: q.believedCountry, platform: q.platform, limit: q.limit, cursor: q.cursor }));
  }

  @Get('counts')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({ summary: 'Handlers counted by believed country' })
  counts(@Req() req: FastifyRequest, @Query() _q: ReadQueryDto) {
    return this.gateway.read(req, ...namedQuery('handlerCounts', {}));
  }
}

import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RequireScopes, Scope } from '../../auth/index.js';
import { PagedQueryDto, ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { IncludeRestricted, includeRestricted } from '../shared/include-restricted.js';

class CaseDetailQueryDto extends ReadQueryDto {
  @IncludeRestricted() includeRestricted?: boolean;
}

class ListCasesQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ example: 'SE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'ownerCountry must be an ISO 3166-1 alpha-2 code' })
  ownerCountry?: string;

  @ApiPropertyOptional({ description: 'Search in titles' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

@ApiTags('cases (queries)')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'Cases your country owns or that are shared with it, newest activity first' })
  list(@Req() req: FastifyRequest, @Query() q: ListCasesQueryDto) {
    return this.gateway.read(req, ...namedQuery('listCases', { status: q.status, ownerCountry: q.ownerCountry, q: q.q, limit: q.limit, cursor: q.cursor }));
  }

  @Get(':caseId')
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'One case with people, nationalities, detentions, handlers, extraditions and sharing; 404 also when it is not shared with you', notFound: 'No such case, or one not shared with your country (CASE_NOT_FOUND).' })
  async detail(@Req() req: FastifyRequest, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Query() q: CaseDetailQueryDto) {
    const answer = await this.gateway.read(req, ...namedQuery('caseDetail', { caseId, includeRestricted: includeRestricted(req, q.includeRestricted) }));
    // Same answer for "does not exist" and "not yours", so case existence does not leak across borders.
    if (!answer.data) throw new NotFoundException({ message: 'Case not found', code: 'CASE_NOT_FOUND' });
    return answer;
  }
}

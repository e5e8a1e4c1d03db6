import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RequireAnyScope, RequireScopes, Scope } from '../../auth/index.js';
import { CountryFilter } from '../shared/country-query.js';
import { PagedQueryDto, ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { IncludeRestricted, includeRestricted } from '../shared/include-restricted.js';

class DetentionFilterDto extends PagedQueryDto {
  @CountryFilter('DK') holdingCountry?: string;
  @CountryFilter('SE') nationality?: string;
  @IncludeRestricted() includeRestricted?: boolean;
}

class CountsQueryDto extends ReadQueryDto {
  @CountryFilter('DK') holdingCountry?: string;
  @CountryFilter('SE') nationality?: string;
  @IncludeRestricted() includeRestricted?: boolean;
}

class ReviewsDueQueryDto extends PagedQueryDto {
  @ApiProperty({ example: '2026-12-01T00:00:00Z', description: 'Reviews due before this instant' })
  @IsISO8601({ strict: true })
  before!: string;

  @CountryFilter('DK') holdingCountry?: string;
  @IncludeRestricted() includeRestricted?: boolean;
}

class OverTimeQueryDto extends ReadQueryDto {
  @ApiProperty({ example: '2026-01-01T00:00:00Z' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2026-12-31T00:00:00Z' }) @IsISO8601({ strict: true }) to!: string;
  @ApiProperty({ enum: ['day', 'week'] }) @IsIn(['day', 'week']) bucket!: 'day' | 'week';
  @CountryFilter('DK') holdingCountry?: string;
  @IncludeRestricted() includeRestricted?: boolean;
}

@ApiTags('detention register')
@ApiBearerAuth()
@Controller('api/v1/detentions')
export class DetentionsQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'Who is detained where now (open detentions in cases visible to your country)' })
  list(@Req() req: FastifyRequest, @Query() q: DetentionFilterDto) {
    return this.gateway.read(req, ...namedQuery('currentDetentions', {
      holdingCountry: q.holdingCountry, nationality: q.nationality, limit: q.limit, cursor: q.cursor,
      includeRestricted: includeRestricted(req, q.includeRestricted),
    }));
  }

  @Get('counts')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({ summary: 'Open detentions counted by nationality × holding country (a dual national counts under each nationality)' })
  counts(@Req() req: FastifyRequest, @Query() q: CountsQueryDto) {
    return this.gateway.read(req, ...namedQuery('detentionCounts', {
      holdingCountry: q.holdingCountry, nationality: q.nationality, includeRestricted: includeRestricted(req, q.includeRestricted),
    }));
  }

  @Get('custody-reviews-due')
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'Open detentions whose next custody review falls before `before`, soonest first' })
  reviewsDue(@Req() req: FastifyRequest, @Query() q: ReviewsDueQueryDto) {
    return this.gateway.read(req, ...namedQuery('custodyReviewsDue', {
      before: q.before, holdingCountry: q.holdingCountry, limit: q.limit, includeRestricted: includeRestricted(req, q.includeRestricted),
    }));
  }

  @Get('over-time')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({ summary: 'Detentions open at each bucket start and started within each bucket, for charts' })
  overTime(@Req() req: FastifyRequest, @Query() q: OverTimeQueryDto) {
    return this.gateway.read(req, ...namedQuery('detentionsOverTime', {
      from: q.from, to: q.to, bucket: q.bucket, holdingCountry: q.holdingCountry, includeRestricted: includeRestricted(req, q.includeRestricted),
    }));
  }
}

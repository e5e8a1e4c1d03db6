import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RETENTION_DUE_WITHIN_DAYS } from '@liaison/projections';
import { RequireScopes, Scope } from '../../auth/index.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { retentionPolicy } from '../../config/retention-policy.js';

class RetentionReviewsQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 3653, default: RETENTION_DUE_WITHIN_DAYS, description: 'Also list reviews falling due within this many days.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'withinDays must be a whole number' })
  @Min(0, { message: 'withinDays must be at least 0' })
  @Max(3653, { message: 'withinDays must be at most 3653' })
  withinDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;
}

@ApiTags('retention reviews')
@ApiBearerAuth()
@Controller('api/v1/retention-reviews')
export class RetentionReviewsQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({
    summary: 'Retention reviews (LED Art. 5) of persons in cases your country owns: overdue and due within `withinDays`, soonest first',
    description: 'Each person is reviewed at registration + the retention policy\'s period for the owner country and the person\'s category '
      + '(RETENTION_REVIEW_MONTHS, RETENTION_REVIEW_MONTHS_<CC>), then at the keepUntil of the last review. An overdue review restricts '
      + 'processing automatically; such persons are listed here too, marked with `restriction`.',
  })
  list(@Req() req: FastifyRequest, @Query() q: RetentionReviewsQueryDto) {
    return this.gateway.read(req, ...namedQuery('retentionReviews', {
      policy: JSON.stringify(retentionPolicy()), withinDays: q.withinDays, limit: q.limit,
    }));
  }
}

import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DEADLINE_BUCKETS, DEADLINE_KINDS, type DeadlineBucket } from '@liaison/projections';
import { RequireScopes, Scope } from '../../auth/index.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { PagedQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';

const KINDS = DEADLINE_KINDS as readonly string[];

class DeadlinesQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ description: `Only these kinds, comma-separated: ${DEADLINE_KINDS.join(', ')}.`, example: 'information_request,custody_review' })
  @IsOptional()
  @ValidateBy({
    name: 'deadlineKinds',
    validator: {
      validate: (v) => typeof v === 'string' && v.split(',').every((k) => KINDS.includes(k)),
      defaultMessage: () => `kind must be one or more of ${DEADLINE_KINDS.join(', ')}, comma-separated`,
    },
  })
  kind?: string;

  @ApiPropertyOptional({ enum: DEADLINE_BUCKETS, description: 'overdue; next_8h; next_3d (8 to 72 hours from now); later.' })
  @IsOptional()
  @IsIn([...DEADLINE_BUCKETS], { message: `bucket must be one of ${DEADLINE_BUCKETS.join(', ')}` })
  bucket?: DeadlineBucket;
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api/v1/deadlines')
export class DeadlinesQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({
    summary: 'The deadlines board: every running deadline your country must meet or watch, soonest first (purpose required)',
    description: 'Information-request deadlines (Directive 2023/977 Art. 5; both countries of a request), custody reviews and extradition stage deadlines (cases your country may see) '
      + 'in one list ordered by due time, each in a bucket (overdue, next_8h, next_3d, later) with counts per bucket. Items name cases and requests, so the board is read like the custody-review list: purpose required, access-logged.',
  })
  board(@Req() req: FastifyRequest, @Query() q: DeadlinesQueryDto) {
    return this.gateway.read(req, ...namedQuery('deadlinesBoard', { kind: q.kind, bucket: q.bucket, limit: q.limit, cursor: q.cursor }));
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RequireScopes, Scope } from '../../auth/index.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { AuditRunner } from '../audit-runner.js';
import { parseAsOf } from '../shared/as-of.js';
import { ApiRead } from '../../access/api-read.decorator.js';

export class ReplayQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'ISO-8601 instant (compared with when events were recorded) or a global position; default: now', example: '2026-11-20T12:00:00Z' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/cases')
export class ReplayCaseController {
  constructor(
    private readonly gateway: ReadModelGateway,
    private readonly audits: AuditRunner,
  ) {}

  @Get(':caseId')
  @RequireScopes(Scope.AuditRead)
  @ApiRead({ summary: 'What the owning country knew about a case at asOf: domain state, case detail and the event timeline with actors (owner-country supervisors; needs a purpose)', notFound: 'No such case, or not one your country owns (CASE_NOT_FOUND).' })
  replay(@Req() req: FastifyRequest, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Query() q: ReplayQueryDto) {
    parseAsOf(q.asOf); // a malformed asOf is a 400 here, before any work
    return this.gateway.consult(req, { fields: 'personal', query: 'replayCase', params: { caseId, ...(q.asOf ? { asOf: q.asOf } : {}) } }, async ({ viewer }) => {
      const data = await this.audits.run({ kind: 'replayCase', caseId, viewerCountry: viewer.country, asOf: q.asOf });
      return { readAt: data.position ?? '-1', data };
    });
  }
}

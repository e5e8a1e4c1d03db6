import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { EventStore } from '@liaison/event-store';
import { RequireScopes, Scope } from '../../auth/index.js';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';
import { ReadQueryDto } from '../../queries/shared/read-query.dto.js';
import { ReadModelGateway } from '../../queries/shared/read-model.gateway.js';
import { ProjectionsHost } from '../../queries/shared/projection-runner.provider.js';
import { parseAsOf, type AsOf } from '../shared/as-of.js';
import { ownedCaseStream } from '../shared/case-stream.js';
import { replayCase, type CaseReplay } from './replay-case.js';

class ReplayQueryDto extends ReadQueryDto {
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
    private readonly host: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':caseId')
  @RequireScopes(Scope.AuditRead)
  @ApiOperation({ summary: 'What the owning country knew about a case at asOf: domain state, case detail and the event timeline with actors (owner-country supervisors; needs a purpose)' })
  replay(@Req() req: FastifyRequest, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Query() q: ReplayQueryDto) {
    const asOf = parseAsOf(q.asOf);
    return this.gateway.consult(req, { fields: 'personal', query: 'replayCase', params: { caseId, ...(q.asOf ? { asOf: q.asOf } : {}) } }, async ({ viewer }) => {
      // Folding a long case is tens of milliseconds: on the audit thread where there is one (ADR 10).
      const runner = this.host.runner;
      const data = runner.audit
        ? ((await runner.audit({ kind: 'replayCase', caseId, viewerCountry: viewer.country, asOf: q.asOf })) as CaseReplay)
        : await this.replayHere(caseId, viewer.country, asOf);
      return { readAt: data.position ?? '-1', data };
    });
  }

  private async replayHere(caseId: string, country: string, asOf: AsOf): Promise<CaseReplay> {
    const { events, ownerCountry } = await ownedCaseStream(this.store, caseId, country);
    return replayCase(caseId, ownerCountry, events, asOf);
  }
}

import { Controller, Get, HttpException, Inject, NotFoundException, Param, ParseUUIDPipe, Query, Req, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EventStore } from '@liaison/event-store';
import { CASE_DATA_ACCESSED, accessEntry, ownedCaseIds, type CaseDataAccessedData } from '@liaison/projections';
import { isQueryName } from '../../access/query-catalog.js';
import { caseIdsOf } from '../../access/case-ids.js';
import { RequireScopes, Scope } from '../../auth/index.js';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';
import { AuditRunner } from '../audit-runner.js';
import { ProjectionsHost } from '../../runtime/projections-host.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { NotReproducible, redactForOwner } from './reproduce-access.js';
import { ApiRead } from '../../access/api-read.decorator.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/access')
export class AccessViewController {
  constructor(
    private readonly gateway: ReadModelGateway,
    private readonly audits: AuditRunner,
    private readonly host: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':entryId/view')
  @RequireScopes(Scope.AuditRead)
  @ApiRead({ summary: 'The exact answer an officer received for one access-log entry, rebuilt from the log at the recorded position (needs a purpose; this read is logged too)', notFound: 'No such access-log entry, or one you may not see (ACCESS_ENTRY_NOT_FOUND).', unprocessable: 'The answer cannot be rebuilt from the log (NOT_REPRODUCIBLE).' })
  view(@Req() req: FastifyRequest, @Param('entryId', new ParseUUIDPipe()) entryId: string, @Query() _q: ReadQueryDto) {
    return this.gateway.consult(req, { fields: 'personal', query: 'accessView', params: { entryId } }, async ({ viewer }) => {
      // Visibility comes from the access-log read model; the record itself from the log.
      const entry = this.host.runner.snapshot('access-log', (db) => accessEntry(db, viewer, entryId)).data;
      if (!entry) throw new NotFoundException({ message: 'Access entry not found', code: 'ACCESS_ENTRY_NOT_FOUND' });
      const [event] = await this.store.readAll({ fromPosition: BigInt(entry.position), maxCount: 1 });
      if (!event || event.type !== CASE_DATA_ACCESSED || event.data.entryId !== entryId) throw new Error('access-log read model disagrees with the log');
      const record = event.data as CaseDataAccessedData;
      try {
        // Replaying a read model up to readAt folds the log from its start: on the audit thread (ADR 10).
        const { answer, answerSha256, matchesRecord } = await this.audits.run({ kind: 'reproduceAccess', record });
        const own = record.officer.country === viewer.country;
        const shown = own ? { data: answer.data, redacted: false } : redactForOwner(answer.data, new Set(entry.caseIds));
        // The same question asked now, for the same country: what has changed since is what the view highlights.
        const now = await this.answerNow(record, viewer, own);
        return {
          readAt: record.readAt,
          data: {
            entryId, officer: record.officer, route: record.route, query: record.query, params: entry.params, readAt: record.readAt,
            accessedAt: record.accessedAt, purpose: record.purpose, caseIds: entry.caseIds, caseTitles: entry.caseTitles,
            answer: { readAt: answer.readAt, data: shown.data }, redacted: shown.redacted, answerSha256, matchesRecord, now,
          },
        };
      } catch (e) {
        if (e instanceof NotReproducible) throw new UnprocessableEntityException({ message: e.message, code: 'NOT_REPRODUCIBLE' });
        throw e;
      }
    });
  }

  /**
   * The recorded query run again on the live read model (or the log, for replays and checks) for the
   * officer's country, redacted like the reproduction; null when it cannot be asked again (the case
   * is gone from the country's view, a reproduction of a reproduction).
   */
  private async answerNow(record: CaseDataAccessedData, viewer: { country: string }, own: boolean): Promise<{ readAt: string; data: unknown } | null> {
    const as = { country: record.viewerCountry };
    const p = record.params as Record<string, string | undefined>;
    try {
      let answer: { readAt: string; data: unknown };
      if (record.readModel !== null && isQueryName(record.query)) answer = await this.gateway.runNow(record.readModel, record.query, record.params, as);
      else if (record.query === 'replayCase' || record.query === 'replayReferral') {
        const data = record.query === 'replayCase'
          ? await this.audits.run({ kind: 'replayCase', caseId: String(p.caseId), viewerCountry: as.country, asOf: p.asOf })
          : await this.audits.run({ kind: 'replayReferral', referralId: String(p.referralId), viewerCountry: as.country, asOf: p.asOf });
        answer = { readAt: data.position ?? '-1', data };
      } else if (record.query === 'verifyCase') answer = await this.audits.run({ kind: 'verifyCase', caseId: String(p.caseId), viewerCountry: as.country });
      else if (record.query === 'verifyReferral') answer = await this.audits.run({ kind: 'verifyReferral', referralId: String(p.referralId), viewerCountry: as.country });
      else return null;
      if (own) return answer;
      const owned = new Set(this.host.runner.snapshot('access-log', (db) => ownedCaseIds(db, viewer, caseIdsOf(answer.data))).data);
      return { readAt: answer.readAt, data: redactForOwner(answer.data, owned).data };
    } catch (e) {
      if (e instanceof HttpException && e.getStatus() === 404) return null;
      throw e;
    }
  }
}

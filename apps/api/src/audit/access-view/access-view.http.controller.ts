import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Query, Req, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EventStore } from '@liaison/event-store';
import { CASE_DATA_ACCESSED, accessEntry, type CaseDataAccessedData } from '@liaison/projections';
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
        return {
          readAt: record.readAt,
          data: {
            entryId, officer: record.officer, route: record.route, query: record.query, readAt: record.readAt, caseIds: entry.caseIds,
            answer: { readAt: answer.readAt, data: shown.data }, redacted: shown.redacted, answerSha256, matchesRecord,
          },
        };
      } catch (e) {
        if (e instanceof NotReproducible) throw new UnprocessableEntityException({ message: e.message, code: 'NOT_REPRODUCIBLE' });
        throw e;
      }
    });
  }
}

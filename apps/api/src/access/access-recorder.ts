import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { classifyStorageError, sha256Canonical } from '@liaison/event-store';
import type { EventStore, JsonObject } from '@liaison/event-store';
import { CASE_DATA_ACCESSED, accessStreamId, type CaseDataAccessedData } from '@liaison/projections';
import type { Principal } from '../auth/index.js';
import type { AccessSpec } from './query-catalog.js';
import { caseIdsOf, referralIdsOf, requestIdsOf, resultCountOf } from './case-ids.js';
import { ChainedAppender } from './chained-appender.js';
import { retryAfterFor, unavailable } from '../operations/unavailable.js';

export interface ReadCircumstances extends AccessSpec {
  readModel: string | null;
  readAt: string;
  now: string;
  viewerCountry: string;
}

/** Entry ids by request, for the X-Access-Entry response header (see access-entry.interceptor.ts). */
export const ACCESS_ENTRY_OF = new WeakMap<FastifyRequest, string>();

/**
 * Writes one CaseDataAccessed per answered query and resolves only once it is durable (the store
 * acknowledges after COMMIT), so the caller sends the answer after the record exists.
 */
export class AccessRecorder {
  private readonly appender: ChainedAppender;

  constructor(
    store: EventStore,
    /** Suffix of this process's access streams (ADR 21). */
    private readonly replicaId: string,
    private readonly onAppend: (outcome: 'ok' | 'failed') => void = () => undefined,
  ) {
    this.appender = new ChainedAppender(store);
  }

  async record(req: FastifyRequest, principal: Principal, read: ReadCircumstances, purpose: string | null, answer: { readAt: string; data: unknown }): Promise<string> {
    const entryId = randomUUID();
    const data: CaseDataAccessedData = {
      entryId,
      accessedAt: read.now,
      officer: { subject: principal.subject, country: principal.country, issuer: principal.issuer },
      purpose,
      fieldsClass: read.fields,
      route: `${req.method} ${req.routeOptions?.url ?? 'unknown'}`,
      readModel: read.readModel,
      query: read.query,
      params: read.params,
      viewerCountry: read.viewerCountry,
      readAt: read.readAt,
      now: read.now,
      caseIds: caseIdsOf(answer.data),
      referralIds: referralIdsOf(answer.data),
      requestIds: requestIdsOf(answer.data),
      resultCount: resultCountOf(answer.data),
      answerSha256: sha256Canonical(answer),
    };
    const metadata: JsonObject = {
      actor: principal.subject, country: principal.country, issuer: principal.issuer,
      correlationId: correlationOf(req) ?? entryId, causationId: entryId, occurredAt: read.now,
    };
    try {
      await this.appender.append(accessStreamId(principal.country, read.now, this.replicaId), { id: entryId, type: CASE_DATA_ACCESSED, data, metadata });
      this.onAppend('ok');
    } catch (e) {
      this.onAppend('failed');
      // No record, no answer (LED Art. 25): the read is refused, and says why, rather than disclosed unlogged.
      const fault = classifyStorageError(e);
      if (fault) throw unavailable('ACCESS_LOG_UNAVAILABLE', 'The access record of this read could not be written, so the answer is withheld. Retry later.', retryAfterFor(fault));
      throw e;
    }
    ACCESS_ENTRY_OF.set(req, entryId);
    return entryId;
  }
}

function correlationOf(req: FastifyRequest): string | undefined {
  const h = req.headers['x-correlation-id'];
  const v = Array.isArray(h) ? h[0] : h;
  return v && /^[A-Za-z0-9._:-]{1,128}$/.test(v) ? v : undefined;
}

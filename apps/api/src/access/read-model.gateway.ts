import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type Database from 'better-sqlite3';
import { InvalidCursor, InvalidQueryParameter } from '@liaison/projections';
import type { Viewer } from '@liaison/projections';
import type { EventStore, JsonObject } from '@liaison/event-store';
import { CLOCK } from '../common/clock.js';
import { APP_CONFIG, replicaIdOf, type AppConfig } from '../config/app.config.js';
import type { Clock } from '../common/clock.js';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import { AccessRecorder } from './access-recorder.js';
import { purposeOf } from './purpose.js';
import { runRecordedQuery, type AccessSpec, type QueryName } from './query-catalog.js';
import { ProjectionsHost } from '../runtime/projections-host.js';
import { awaitMinPosition } from './read-your-writes.js';
import { unavailable } from '../operations/unavailable.js';
import { SERVICE_METRICS, type ServiceMetrics } from '../operations/service-metrics.js';

export interface ReadContext {
  db: Database.Database;
  viewer: Viewer;
  /** ISO instant from the injectable clock, for "overdue" and "due" questions. */
  now: string;
}

export interface ReadAnswer<T> {
  /** The global position the read models had applied when this answer was read. */
  readAt: string;
  data: T;
}

/**
 * Every query goes through here: read-your-writes, the viewer taken from the verified token (the
 * access rule itself lives in the read models' SQL), query errors turned into 400s, and the access
 * log: a purpose is required for personal data, and every answer is recorded (durably, before it is
 * returned) with who, why, which cases, and the position it was read at.
 */
@Injectable()
export class ReadModelGateway {
  private readonly access: AccessRecorder;

  constructor(
    private readonly host: ProjectionsHost,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.access = new AccessRecorder(store, replicaIdOf(config), (outcome) => metrics.accessLogAppends.inc({ outcome }));
  }

  async read<T>(req: FastifyRequest, projection: string, query: (ctx: ReadContext) => T, spec: AccessSpec): Promise<ReadAnswer<T>> {
    const purpose = purposeOf(req, spec.fields);
    // A file lost to deletion or corruption is being built again: an answer now would be incomplete.
    if (this.host.runner.status().some((p) => p.name === projection && p.recovering)) {
      throw unavailable('READ_MODEL_REBUILDING', `The ${projection} read model is being rebuilt from the event log; retry shortly.`, 5);
    }
    await awaitMinPosition(req, this.host.runner);
    const principal = req.principal;
    if (!principal) throw new Error('ReadModelGateway used on a public route');
    const viewer = { country: principal.country };
    const now = this.clock().toISOString();
    // Either way the checkpoint is read with the rows (one read transaction), so readAt is exact.
    const runner = this.host.runner;
    const answer = await this.run(async () => {
      if (runner.query) {
        const { readAt, data } = await runner.query(projection, spec.query, spec.params, { viewer, now });
        return { readAt: readAt.toString(), data: data as T };
      }
      const { readAt, data } = runner.snapshot(projection, (db) => query({ db, viewer, now }));
      return { readAt: readAt.toString(), data };
    });
    const ctx = { viewer, now };
    await this.access.record(req, principal, { ...spec, readModel: projection, readAt: answer.readAt, now: ctx.now, viewerCountry: ctx.viewer.country }, purpose, answer);
    return answer;
  }

  /** For answers computed from the log rather than a read model (audit replays): same purpose rule, same record. */
  async consult<T>(req: FastifyRequest, spec: AccessSpec, compute: (ctx: Omit<ReadContext, 'db'>) => Promise<ReadAnswer<T>>): Promise<ReadAnswer<T>> {
    const purpose = purposeOf(req, spec.fields);
    const principal = req.principal;
    if (!principal) throw new Error('ReadModelGateway used on a public route');
    const ctx = { viewer: { country: principal.country }, now: this.clock().toISOString() };
    const answer = await compute(ctx);
    await this.access.record(req, principal, { ...spec, readModel: null, readAt: answer.readAt, now: ctx.now, viewerCountry: ctx.viewer.country }, purpose, answer);
    return answer;
  }

  /**
   * A catalogued query by name, now, for a viewer country, without an access record of its own: for
   * answers that are part of another read which records itself (the reproducible view's "as now").
   */
  async runNow(projection: string, query: QueryName, params: JsonObject, viewer: Viewer): Promise<ReadAnswer<unknown>> {
    const now = this.clock().toISOString();
    const runner = this.host.runner;
    return this.run(async () => {
      if (runner.query) {
        const { readAt, data } = await runner.query(projection, query, params, { viewer, now });
        return { readAt: readAt.toString(), data };
      }
      const { readAt, data } = runner.snapshot(projection, (db) => runRecordedQuery(query, { db, viewer, now }, params));
      return { readAt: readAt.toString(), data };
    });
  }

  private async run<T>(read: () => Promise<ReadAnswer<T>>): Promise<ReadAnswer<T>> {
    try {
      return await read();
    } catch (e) {
      if (e instanceof InvalidCursor || e instanceof RangeError) {
        const field = e instanceof InvalidCursor ? 'cursor' : e instanceof InvalidQueryParameter ? e.field : 'query';
        throw new BadRequestException({ message: e.message, errors: [{ field, messages: [e.message] }] });
      }
      throw e;
    }
  }
}

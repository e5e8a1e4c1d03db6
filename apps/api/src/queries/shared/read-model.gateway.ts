import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type Database from 'better-sqlite3';
import { InvalidCursor } from '@liaison/projections';
import type { Viewer } from '@liaison/projections';
import { CLOCK } from '../../common/clock.js';
import type { Clock } from '../../common/clock.js';
import { ProjectionsHost } from './projection-runner.provider.js';
import { awaitMinPosition } from './read-your-writes.js';

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
 * access rule itself lives in the read models' SQL), and query errors turned into 400s.
 */
@Injectable()
export class ReadModelGateway {
  constructor(
    private readonly host: ProjectionsHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read<T>(req: FastifyRequest, projection: string, query: (ctx: ReadContext) => T): Promise<ReadAnswer<T>> {
    await awaitMinPosition(req, this.host.runner);
    const principal = req.principal;
    if (!principal) throw new Error('ReadModelGateway used on a public route');
    // Taken synchronously with the query: nothing can be applied in between, so readAt is exact.
    const instance = this.host.runner.instance(projection);
    const ctx: ReadContext = { db: instance.db, viewer: { country: principal.country }, now: this.clock().toISOString() };
    try {
      return { readAt: instance.checkpoint.toString(), data: query(ctx) };
    } catch (e) {
      if (e instanceof InvalidCursor || e instanceof RangeError) {
        throw new BadRequestException({ message: e.message, errors: [{ field: e instanceof InvalidCursor ? 'cursor' : 'query', messages: [e.message] }] });
      }
      throw e;
    }
  }
}

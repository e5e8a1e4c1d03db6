import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ALL_PROJECTIONS, ProjectionRunner } from '@liaison/projections';
import type { EventStore } from '@liaison/event-store';
import { APP_CONFIG } from '../config/app.config.js';
import type { AppConfig } from '../config/app.config.js';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import type { ProjectionsReader } from './worker/projections-reader.js';
import { ProjectionWorkerClient } from './worker/projection-worker.client.js';
import { projectionGroups, projectionPollMs, projectionWorkerCount } from './worker/projection-groups.js';

const WORKER_ENTRY = new URL('./worker/projection-worker.entry.js', import.meta.url);
const QUERY_WORKER_ENTRY = new URL('../threads/query-worker.entry.js', import.meta.url);

/**
 * Owns the projections: started with the app, stopped before the store closes. The built service runs
 * them on worker threads so applying events never queues behind (or delays) requests, and answers
 * queries on a query thread; specs running from TypeScript sources, or PROJECTIONS_THREAD=inline, run
 * both on this thread.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runner: ProjectionsReader;
  readonly mode: 'worker' | 'inline';

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(EVENT_STORE) store: EventStore) {
    const dir = path.join(config.dataDir, 'read-models');
    const compiled = WORKER_ENTRY.protocol === 'file:' && existsSync(fileURLToPath(WORKER_ENTRY));
    this.mode = compiled && process.env.PROJECTIONS_THREAD !== 'inline' ? 'worker' : 'inline';
    this.runner = this.mode === 'worker'
      ? new ProjectionWorkerClient(config, dir, store, WORKER_ENTRY, projectionGroups(projectionWorkerCount()), QUERY_WORKER_ENTRY, projectionPollMs())
      : new ProjectionRunner({ store, dir, projections: ALL_PROJECTIONS });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

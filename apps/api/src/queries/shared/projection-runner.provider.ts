import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ALL_PROJECTIONS, ProjectionRunner } from '@liaison/projections';
import type { EventStore } from '@liaison/event-store';
import { APP_CONFIG } from '../../config/app.config.js';
import type { AppConfig } from '../../config/app.config.js';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';

/** Owns the in-process projection runner: started with the app, stopped before the store closes. */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runner: ProjectionRunner;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(EVENT_STORE) store: EventStore) {
    this.runner = new ProjectionRunner({ store, dir: path.join(config.dataDir, 'read-models'), projections: ALL_PROJECTIONS });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

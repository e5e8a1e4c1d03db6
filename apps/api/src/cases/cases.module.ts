import path from 'node:path';
import fs from 'node:fs';
import { Module } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { APP_CONFIG } from '../config/app.config.js';
import type { AppConfig } from '../config/app.config.js';
import { CaseCommandGateway } from './shared/case-command.gateway.js';
import { ExecuteCaseCommandHandler } from './shared/execute-case-command.handler.js';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './shared/idempotency.store.js';
import { CASE_COMMAND_CONTROLLERS } from './commands/case-command.controllers.js';
import { CLOCK } from '../common/clock.js';
import type { Clock } from '../common/clock.js';

/** Clients retry within minutes; a day of keys is generous and keeps the file small. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

@Module({
  controllers: [...CASE_COMMAND_CONTROLLERS],
  providers: [
    ExecuteCaseCommandHandler,
    CaseCommandGateway,
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        fs.mkdirSync(config.dataDir, { recursive: true });
        return new IdempotencyStore(path.join(config.dataDir, 'idempotency.db'));
      },
    },
  ],
})
export class CasesModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private pruner: NodeJS.Timeout | undefined;

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const prune = () => {
      try {
        this.idempotency.prune(new Date(this.clock().getTime() - IDEMPOTENCY_RETENTION_MS));
      } catch {
        // A full or failing disk: keys stay a while longer. Thrown from a timer, it would end the process.
      }
    };
    prune();
    this.pruner = setInterval(prune, PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.pruner);
    this.idempotency.close();
  }
}

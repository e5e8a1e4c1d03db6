import path from 'node:path';
import fs from 'node:fs';
import { Global, Inject, Module } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/app.config.js';
import type { AppConfig } from '../config/app.config.js';
import { CLOCK } from '../common/clock.js';
import type { Clock } from '../common/clock.js';
import { CommandGateway } from './command.gateway.js';
import { ExecuteCommandHandler } from './execute-command.handler.js';
import { IdempotencyStore } from './idempotency.store.js';
import { IDEMPOTENCY_STORE, type IdempotencyKeys } from './idempotency-keys.js';
import { LogIdempotencyKeys } from './log-idempotency-keys.js';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import type { EventStore } from '@liaison/event-store';
import { CaseLinks } from './links/case-links.js';
import { commandStatesProvider } from './command-states.js';

/** Clients retry within minutes; a day of keys is generous and keeps the file small. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * The one command path every aggregate's module uses (cases, referrals, …): the gateway, the single
 * ExecuteCommand handler, the idempotency keys and the case-link check (CaseLinks). Global so feature modules need not import it.
 */
@Global()
@Module({
  providers: [
    commandStatesProvider,
    ExecuteCommandHandler,
    CommandGateway,
    CaseLinks,
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG, EVENT_STORE],
      useFactory: (config: AppConfig, store: EventStore): IdempotencyKeys => {
        // Replicas share EventStoreDB, so their keys live in it; the embedded store has one process.
        if (config.eventStore === 'esdb') return new LogIdempotencyKeys(store);
        fs.mkdirSync(config.dataDir, { recursive: true });
        return new IdempotencyStore(path.join(config.dataDir, 'idempotency.db'));
      },
    },
  ],
  exports: [CommandGateway, CaseLinks],
})
export class CommandsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private pruner: NodeJS.Timeout | undefined;

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const prune = () => {
      // A full or failing disk: keys stay a while longer. Thrown from a timer, it would end the process.
      this.idempotency.prune(new Date(this.clock().getTime() - IDEMPOTENCY_RETENTION_MS)).catch(() => undefined);
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

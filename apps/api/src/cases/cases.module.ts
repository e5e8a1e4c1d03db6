import path from 'node:path';
import fs from 'node:fs';
import { Module } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { APP_CONFIG } from '../config/app.config.js';
import type { AppConfig } from '../config/app.config.js';
import { CaseCommandGateway } from './shared/case-command.gateway.js';
import { ExecuteCaseCommandHandler } from './shared/execute-case-command.handler.js';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './shared/idempotency.store.js';
import { CASE_COMMAND_CONTROLLERS } from './commands/case-command.controllers.js';

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
export class CasesModule implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore) {}

  onApplicationShutdown(): void {
    this.idempotency.close();
  }
}

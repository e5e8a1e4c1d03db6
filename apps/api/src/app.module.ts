import { Module } from '@nestjs/common';
import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import type { EventStore } from '@liaison/event-store';
import { APP_CONFIG, DEFAULT_DISK_RESERVE_MB } from './config/app.config.js';
import { DISK_RESERVE, DiskReserve } from './operations/disk-reserve.js';
import { SERVICE_METRICS, ServiceMetrics } from './operations/service-metrics.js';
import { MetricsController } from './operations/metrics.controller.js';
import type { AppConfig } from './config/app.config.js';
import { EVENT_STORE } from './infrastructure/event-store.provider.js';
import { HealthController } from './health/health.controller.js';
import { ProblemFilter } from './common/problem.filter.js';
import { AuthModule, type AuthModuleOptions } from './auth/auth.module.js';
import type { AuthEnv } from './auth/issuers.config.js';
import { CommandsModule } from './commands/commands.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { ActionDaysModule } from './action-days/action-days.module.js';
import { InformationRequestsModule } from './information-requests/information-requests.module.js';
import { ReferralFollowUpModule } from './referrals/follow-up/follow-up.module.js';
import { RetentionModule } from './cases/retention/retention.module.js';
import { QueriesModule } from './queries/queries.module.js';
import { RuntimeModule } from './runtime/runtime.module.js';
import { AuditModule } from './audit/audit.module.js';
import { LiveModule } from './live/live.module.js';
import { CLOCK, systemClock } from './common/clock.js';
import type { Clock } from './common/clock.js';

export interface AppModuleOptions {
  config: AppConfig;
  store: EventStore;
  /** Environment the auth config is read from; the data folder always comes from config. */
  authEnv?: AuthEnv;
  clock?: Clock;
  authVerifier?: AuthModuleOptions['verifier'];
}

@Module({})
export class AppModule {
  /** The store is opened before Nest starts, so a bad connection fails start-up, not the first request. */
  static register({ config, store, authEnv, clock, authVerifier }: AppModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: store },
      { provide: APP_FILTER, useClass: ProblemFilter },
      { provide: CLOCK, useValue: clock ?? systemClock },
      { provide: DISK_RESERVE, useValue: new DiskReserve(config.dataDir, config.diskReserveBytes ?? DEFAULT_DISK_RESERVE_MB * 1024 * 1024) },
      { provide: SERVICE_METRICS, useValue: new ServiceMetrics() },
    ];
    return {
      module: AppModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot({
          env: { ...(authEnv ?? process.env), DATA_DIR: config.dataDir, NODE_ENV: config.production ? 'production' : (authEnv ?? process.env).NODE_ENV },
          ...(authVerifier ? { verifier: authVerifier } : {}),
        }),
        CommandsModule,
        CasesModule,
        ReferralsModule,
        ActionDaysModule,
        InformationRequestsModule,
        RuntimeModule,
        QueriesModule,
        AuditModule,
        ReferralFollowUpModule,
        RetentionModule,
        LiveModule,
      ],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [APP_CONFIG, EVENT_STORE, CLOCK, DISK_RESERVE, SERVICE_METRICS],
    };
  }
}

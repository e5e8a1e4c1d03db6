import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { EventStore } from '@liaison/event-store';
import { DEFAULT_BULK_BODY_LIMIT, DEFAULT_DEV_IDP_TOKEN_TTL_SEC, type AppConfig } from './config/app.config.js';
import { acceptBulkBodies } from './action-days/shared/bulk-body.js';
import { AppModule } from './app.module.js';
import { openApiDocument } from './openapi.document.js';
import { openEventStore } from './infrastructure/event-store.provider.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { addAccessEntryHeader } from './access/access-entry.hook.js';
import { logRequests } from './common/request-log.js';
import { answerFrameworkError } from './common/framework-errors.js';
import { rejectDeepBodies } from './common/body-depth.hook.js';
import { addSecurityHeaders } from './common/security-headers.js';
import { identityProviderOrigins } from './live/client-config.http.controller.js';
import type { Clock } from './common/clock.js';
import type { AuthEnv } from './auth/issuers.config.js';
import { serveWebApp } from './live/web-app.static.js';
import { AUTH_CONFIG, TOKEN_VERIFIER, type AuthConfig, type AuthModuleOptions, type TokenVerifier } from './auth/index.js';
import { mountDevIdentityProviders } from './dev/idp/dev-idp.mount.js';
import { DISK_RESERVE, type DiskReserve } from './operations/disk-reserve.js';
import { SERVICE_METRICS, type ServiceMetrics } from './operations/service-metrics.js';
import { drainRequests, refuseWhileShuttingDown } from './operations/shutdown-refusal.js';

export interface CreatedApp {
  app: NestFastifyApplication;
  store: EventStore;
  /** Development mode: resolves once (after listen) the development IdPs are up and trusted. */
  devIdpsReady?: () => Promise<void>;
}

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Shared by main.ts and the in-process specs so both run the very same pipeline. */
export interface AppOverrides {
  clock?: Clock;
  authEnv?: AuthEnv;
  /** Verifier timings (JWKS cooldown and cache age, clock skew) for specs that rotate keys in seconds. */
  authVerifier?: AuthModuleOptions['verifier'];
}

export async function createApp(config: AppConfig, store?: EventStore, overrides: AppOverrides = {}): Promise<CreatedApp> {
  const eventStore = store ?? (await openEventStore(config, { serving: true }));
  const logger = new ConsoleLogger({ json: true, logLevels: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1) });
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit, logger: false, trustProxy: false, return503OnClosing: false, frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config, store: eventStore, ...overrides }), adapter, {
    logger,
    bufferLogs: false,
  });
  // Free space is known before the first command arrives (later it refreshes in the background).
  await app.get<DiskReserve>(DISK_RESERVE).refresh();
  app.useGlobalPipes(createValidationPipe());
  // Every route with a body must answer 400, not overflow the stack, on absurdly nested JSON.
  rejectDeepBodies(app);
  const auth = app.get<AuthConfig>(AUTH_CONFIG);
  const verifier = app.get<TokenVerifier>(TOKEN_VERIFIER);
  // Development mode only (never in production: loadAuthConfig refuses it there): the IdPs at /dev/idp.
  let devIdpsReady: CreatedApp['devIdpsReady'];
  if (auth.mode === 'development' && !config.production) {
    devIdpsReady = await mountDevIdentityProviders(app, {
      dataDir: config.dataDir, audience: auth.audience, verifier, accessTokenTtlSec: config.devIdpTokenTtlSec ?? DEFAULT_DEV_IDP_TOKEN_TTL_SEC, host: config.host,
    });
  }
  acceptBulkBodies(app, config.bulkBodyLimit ?? DEFAULT_BULK_BODY_LIMIT);
  addSecurityHeaders(app, () => identityProviderOrigins(verifier));
  addAccessEntryHeader(app);
  refuseWhileShuttingDown(app);
  if (logger.isLevelEnabled('log')) logRequests(app);
  app.get<ServiceMetrics>(SERVICE_METRICS).observeRequests(app);
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  // The dashboard (apps/web/dist) at /, when built; /api, /docs, /health and /ready are unaffected.
  serveWebApp(app);
  return { app, store: eventStore, ...(devIdpsReady ? { devIdpsReady } : {}) };
}

/**
 * SIGINT/SIGTERM (ADR 16): drain (answer every request already read, refuse new ones with 503
 * SHUTTING_DOWN and Connection: close, until quiet), then close the server and the app (projections
 * stop), then the store (the writer thread commits what is queued), then exit 0. A second signal
 * while draining is ignored; the drain is bounded (DRAIN_MAX_MS), so the exit comes within seconds.
 */
export function closeOnSignals({ app, store }: CreatedApp): void {
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    const drained = await drainRequests(app);
    new Logger('liaison').log({ msg: 'shutting down', drainedMs: drained.ms, unanswered: drained.pending });
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

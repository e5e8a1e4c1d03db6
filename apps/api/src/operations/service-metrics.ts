import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { logSinkFailures } from './log-sink.guard.js';

/**
 * The service's Prometheus metrics, one registry per app (in-process specs start several apps).
 * Labels are route patterns, methods, statuses and codes only: never ids, URLs or anything personal.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requestSeconds = new Histogram({
    name: 'liaison_http_request_duration_seconds',
    help: 'Request latency by route pattern (commands and queries alike)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly serverErrors = new Counter({
    name: 'liaison_http_server_errors_total',
    help: '5xx answers by status and code (503 STORE_FULL, ACCESS_LOG_UNAVAILABLE, READ_MODEL_BEHIND …; 500 has none)',
    labelNames: ['status', 'code'] as const,
    registers: [this.registry],
  });
  readonly accessLogAppends = new Counter({
    name: 'liaison_access_log_appends_total',
    help: 'Access records written (ok) or refused by storage (failed; the read was refused too)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'liaison_projection_lag_events',
    help: 'Events in the log a read model has not applied yet (head position minus its checkpoint)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  readonly projectionStalled = new Gauge({
    name: 'liaison_projection_stalled',
    help: '1 while a read model waits for storage (retrying), else 0',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  readonly diskFreeBytes = new Gauge({ name: 'liaison_disk_free_bytes', help: 'Free space under DATA_DIR (statfs, as an unprivileged writer sees it)', registers: [this.registry] });
  readonly diskReserveBytes = new Gauge({ name: 'liaison_disk_reserve_bytes', help: 'DISK_RESERVE_MB in bytes: commands are refused at or below it', registers: [this.registry] });
  readonly logSinkFailures = new Gauge({
    name: 'liaison_log_sink_failures_total',
    help: 'Log lines lost because stdout/stderr failed (ENOSPC, EPIPE)',
    registers: [this.registry],
    collect() {
      this.set(logSinkFailures.count);
    },
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'liaison_' });
  }

  /** Times every request by its route pattern, in the same hook position as the request log. */
  observeRequests(app: NestFastifyApplication): void {
    app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
      this.requestSeconds.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}

export const SERVICE_METRICS = Symbol('SERVICE_METRICS');

import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, NotFoundException, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventStore } from '@liaison/event-store';
import { Public } from '../auth/public.decorator.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import { ProjectionsHost } from '../runtime/projections-host.js';
import { DISK_RESERVE, type DiskReserve } from './disk-reserve.js';
import { SERVICE_METRICS, type ServiceMetrics } from './service-metrics.js';

/**
 * Prometheus metrics at /metrics, only when METRICS_TOKEN is set and only for a scraper that sends it
 * as a bearer token: route latencies and error counts tell an outsider more than they should.
 */
@Controller()
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DISK_RESERVE) private readonly reserve: DiskReserve,
    private readonly projections: ProjectionsHost,
  ) {}

  @Public()
  @Get('metrics')
  @ApiExcludeEndpoint()
  async scrape(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = this.config.metricsToken;
    if (!token) throw new NotFoundException({ message: 'Not found' });
    if (!sameSecret(req.headers.authorization, `Bearer ${token}`)) throw new UnauthorizedException({ message: 'Metrics need the configured bearer token' });
    await this.sample();
    void reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }

  /** Gauges read at scrape time, so nothing is sampled between scrapes. */
  private async sample(): Promise<void> {
    await this.reserve.refresh();
    const disk = this.reserve.current();
    if (disk.freeBytes !== undefined) this.metrics.diskFreeBytes.set(disk.freeBytes);
    this.metrics.diskReserveBytes.set(disk.reserveBytes);
    const head = await this.store.headPosition().catch(() => undefined);
    for (const p of this.projections.runner.status()) {
      if (head !== undefined) this.metrics.projectionLag.set({ projection: p.name }, Number(head > p.checkpoint ? head - p.checkpoint : 0n));
      this.metrics.projectionStalled.set({ projection: p.name }, p.stalled ? 1 : 0);
    }
  }
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

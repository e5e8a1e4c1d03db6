import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { classifyStorageError, type EventStore } from '@liaison/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import { Public } from '../auth/public.decorator.js';
import { ProjectionsHost } from '../runtime/projections-host.js';
import { DISK_RESERVE, type DiskReserve } from '../operations/disk-reserve.js';
import { readinessReport, type ReadinessReport } from './readiness.js';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsHost,
    @Inject(DISK_RESERVE) private readonly reserve: DiskReserve,
  ) {}

  /** Liveness: the process answers. Never touches dependencies, so a slow store can't get us killed. */
  @Public()
  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: can this node serve commands and reads now? Gathered without writing anything; 503
   * carries the same body as 200, with the reasons (docs: README, Operations).
   */
  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when the store takes writes, free space is above the reserve and read models keep up; 503 with reasons otherwise' })
  @ApiOkResponse({ description: 'Ready; `reasons` is empty.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; `reasons` lists codes such as STORE_FULL, DISK_RESERVE_REACHED, PROJECTION_STALLED, READ_MODEL_LAGGING.' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const runner = this.projections.runner;
    // A probe measures now: the cached value may be a second old, and probes come every few seconds.
    await this.reserve.refresh();
    const pingFailure = await this.store.ping().then(
      () => undefined,
      (e: unknown) => classifyStorageError(e)?.code ?? 'unreachable',
    );
    const report = readinessReport({
      now: Date.now(),
      pingFailure,
      writeFault: this.store.lastWriteFault?.(),
      disk: this.reserve.current(),
      projections: runner.status(),
      workersStopped: runner.stoppedWorkers?.() ?? [],
      head: await this.store.headPosition().catch(() => -1n),
      position: runner.position(),
      caughtUpAt: runner.caughtUpAt,
    });
    void reply.status(report.status === 'ok' ? 200 : 503);
    if (report.status !== 'ok') void reply.header('retry-after', '5');
    return report;
  }
}

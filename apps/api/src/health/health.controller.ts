import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { classifyStorageError, type EventStore } from '@liaison/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import { Public } from '../auth/public.decorator.js';
import { ProjectionsHost } from '../runtime/projections-host.js';
import { DISK_RESERVE, type DiskReserve } from '../operations/disk-reserve.js';
import { ProblemDto, RETRY_AFTER_HEADER } from '../commands/http/problem.dto.js';
import { readinessReport, type ReadinessReport } from './readiness.js';

const PROBE = { type: 'object', required: ['status'], properties: { status: { type: 'string' } } };

/** What /ready answers, 200 or 503 alike (readiness.ts, ReadinessReport). */
const READINESS = {
  type: 'object',
  required: ['status', 'reasons', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    reasons: {
      type: 'array',
      items: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', example: 'DISK_RESERVE_REACHED' }, message: { type: 'string' } } },
    },
    details: {
      type: 'object',
      required: ['eventStore', 'disk', 'projections'],
      properties: {
        eventStore: PROBE,
        disk: { ...PROBE, properties: { ...PROBE.properties, freeBytes: { type: 'integer', nullable: true }, reserveBytes: { type: 'integer' } } },
        projections: {
          ...PROBE,
          properties: {
            ...PROBE.properties, position: { type: 'string' }, head: { type: 'string' }, lag: { type: 'string' },
            stalled: { type: 'object', additionalProperties: { type: 'string' } }, failed: { type: 'array', items: { type: 'string' } },
            restarting: { type: 'array', items: { type: 'string' } }, rebuilding: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
};

/** While the node shuts down every route answers the service's 503 problem (SHUTTING_DOWN) instead. */
const OR_SHUTTING_DOWN = (schema: object) => ({ oneOf: [schema, { $ref: getSchemaPath(ProblemDto) }] });


@ApiTags('operations')
@ApiExtraModels(ProblemDto)
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
  @ApiOperation({ summary: 'Liveness: 200 while the process answers (touches no dependency)' })
  // Stated here rather than left to @HealthCheck(), which documents itself only where it can load @nestjs/swagger.
  @ApiOkResponse({ description: 'Alive.', schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  @ApiServiceUnavailableResponse({
    description: 'The node is shutting down (SHUTTING_DOWN, with `Connection: close`).',
    schema: OR_SHUTTING_DOWN({ type: 'object', properties: { status: { type: 'string', enum: ['error', 'shutting_down'] } } }),
    headers: RETRY_AFTER_HEADER,
  })
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
  @ApiOkResponse({ description: 'Ready; `reasons` is empty.', schema: READINESS })
  @ApiServiceUnavailableResponse({
    description: 'Not ready; `reasons` lists codes such as STORE_FULL, DISK_RESERVE_REACHED, PROJECTION_STALLED, PROJECTION_WORKER_STOPPED, READ_MODEL_LAGGING (or the node is shutting down: SHUTTING_DOWN).',
    schema: OR_SHUTTING_DOWN(READINESS),
    headers: RETRY_AFTER_HEADER,
  })
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

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@liaison/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import { Public } from '../auth/public.decorator.js';
import { ProjectionsHost } from '../runtime/projections-host.js';

/** A projection that has not caught up for this long while events wait is "far behind". */
const STALE_MS = 30_000;

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsHost,
  ) {}

  /** Liveness: the process answers. Never touches dependencies, so a slow store can't get us killed. */
  @Public()
  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the event store answers. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const session = this.indicators.check('eventStore');
        try {
          await this.store.ping();
          return session.up();
        } catch {
          return session.down({ message: 'event store unreachable' });
        }
      },
      async () => {
        const session = this.indicators.check('projections');
        const runner = this.projections.runner;
        const failed = runner.status().filter((p) => p.error).map((p) => p.name);
        if (failed.length) return session.down({ message: 'projection failed', failed });
        const head = await this.store.headPosition().catch(() => -1n);
        const position = runner.position();
        const behind = head > position;
        const stale = runner.caughtUpAt === undefined || Date.now() - runner.caughtUpAt > STALE_MS;
        const data = { position: position.toString(), head: head.toString() };
        return behind && stale ? session.down({ message: 'read models far behind the log', ...data }) : session.up(data);
      },
    ]);
  }
}

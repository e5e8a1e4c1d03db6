import { randomUUID } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandMetadata } from '@liaison/domain';
import { CLOCK } from '../../common/clock.js';
import type { Clock } from '../../common/clock.js';
import { integerSetting } from '../../config/integer-setting.js';
import { ProjectionsHost } from '../../runtime/projections-host.js';
import type { AggregateDescriptor } from '../aggregate-descriptor.js';
import { ExecuteCommand } from '../execute-command.handler.js';

/** One command the sweeper sends: to which aggregate instance, as which command. */
export interface SweepItem {
  aggregate: AggregateDescriptor;
  id: string;
  command: { type: string; data: object; metadata: CommandMetadata };
}

/** How a sweeper runs: its log name, its interval setting (ms; 0 = off) and that setting's default. */
export interface SweeperSettings {
  name: string;
  intervalSetting: string;
  defaultIntervalMs: number;
}

/**
 * The service's own process managers (referral follow-up, retention reviews): each pass reads the
 * candidates from a read model and sends each the very command an officer would, as the service's own
 * identity acting for a country. The decider re-checks each against the stream and answers a no-op or
 * a 422 for anything settled meanwhile, so a lagging read model, a second pass or a restart never
 * records anything twice: idempotence lives in the domain, not in the sweeper's memory. The clock is
 * injected; nothing in the domain runs on a timer. Subclasses name their settings and candidates and
 * inherit the injected constructor. Candidates come from `host` (a system read: ids only, no viewer).
 */
export abstract class CommandSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly settings: SweeperSettings;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(ProjectionsHost) protected readonly host: ProjectionsHost,
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The commands this pass should send; `metadata(actor, country)` gives each its service metadata. */
  protected abstract candidates(now: string, metadata: (actor: string, country: string) => CommandMetadata): SweepItem[];

  onApplicationBootstrap(): void {
    const every = integerSetting(process.env, this.settings.intervalSetting, this.settings.defaultIntervalMs, 0, 86_400_000);
    if (every === 0) return;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; resolves with how many events it recorded. Overlapping calls share a pass. */
  sweep(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock().toISOString();
    const correlationId = randomUUID();
    const items = this.candidates(now, (actor, country) => ({ actor: { id: actor, country }, now, correlationId, causationId: randomUUID() }));
    let recorded = 0;
    for (const { aggregate, id, command } of items) {
      try {
        const result = await this.bus.execute(new ExecuteCommand(aggregate, id, command, undefined));
        recorded += result.events.length;
      } catch (e) {
        // Settled between the read and the command (answered, reviewed): refused, skip it. Anything else
        // (the store refusing writes) ends this pass; the next one tries again. Counts only: no ids.
        if ((e as { getStatus?: () => number }).getStatus?.() === 422) continue;
        new Logger(this.settings.name).warn({ msg: 'pass stopped', error: e instanceof Error ? e.name : typeof e, recorded });
        break;
      }
    }
    if (recorded > 0) new Logger(this.settings.name).log({ msg: 'events recorded', count: recorded });
    return recorded;
  }
}

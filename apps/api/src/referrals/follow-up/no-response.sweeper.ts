import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { RecordNoPlatformResponse } from '@liaison/domain';
import { awaitingFollowUp } from '@liaison/projections';
import { CLOCK } from '../../common/clock.js';
import type { Clock } from '../../common/clock.js';
import { ExecuteCommand } from '../../commands/execute-command.handler.js';
import { integerSetting } from '../../config/integer-setting.js';
import { ProjectionsHost } from '../../runtime/projections-host.js';
import { REFERRAL_AGGREGATE } from '../referral.descriptor.js';

/** Who the follow-up acts as in event metadata: the service, on the originating country's behalf. */
export const FOLLOW_UP_ACTOR = 'liaison:follow-up';
const BATCH = 500;

/**
 * Records NoPlatformResponse for referrals whose response deadline passed unanswered, so officers
 * need not click through hundreds of silent Telegram referrals, and the unanswered figures and the
 * overdue list say so in the log itself. Reads the ledger for candidates, then sends each the same
 * command an officer would: the decider re-checks the deadline against the clock's `now` and answers
 * a no-op for anything answered meanwhile. Every REFERRAL_FOLLOW_UP_SWEEP_MS (default 60 s; 0 = off).
 */
@Injectable()
export class NoResponseSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('referral-follow-up');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(ProjectionsHost) private readonly host: ProjectionsHost,
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const every = integerSetting(process.env, 'REFERRAL_FOLLOW_UP_SWEEP_MS', 60_000, 0, 86_400_000);
    if (every === 0) return;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; resolves with how many NoPlatformResponse events it recorded. Overlapping calls share a pass. */
  sweep(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock().toISOString();
    const { data: due } = this.host.runner.snapshot('referral-ledger', (db) => awaitingFollowUp(db, { now, limit: BATCH }));
    const correlationId = randomUUID();
    let recorded = 0;
    for (const { referralId, originCountry } of due) {
      const command: RecordNoPlatformResponse = {
        type: 'RecordNoPlatformResponse',
        data: { referralId },
        metadata: { actor: { id: FOLLOW_UP_ACTOR, country: originCountry }, now, correlationId, causationId: randomUUID() },
      };
      try {
        const result = await this.bus.execute(new ExecuteCommand(REFERRAL_AGGREGATE, referralId, command, undefined));
        recorded += result.events.length;
      } catch (e) {
        // A referral answered or withdrawn between the read and the command is refused: skip it. Anything
        // else (the store refusing writes) ends this pass; the next one tries again. Counts only: no ids.
        if ((e as { getStatus?: () => number }).getStatus?.() === 422) continue;
        this.logger.warn({ msg: 'follow-up pass stopped', error: e instanceof Error ? e.name : typeof e, recorded });
        break;
      }
    }
    if (recorded > 0) this.logger.log({ msg: 'no platform response recorded', count: recorded });
    return recorded;
  }
}

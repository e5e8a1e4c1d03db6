import { Injectable } from '@nestjs/common';
import type { CommandMetadata, RecordNoPlatformResponse } from '@liaison/domain';
import { awaitingFollowUp } from '@liaison/projections';
import { CommandSweeper, type SweepItem } from '../../commands/process-managers/command-sweeper.js';
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
export class NoResponseSweeper extends CommandSweeper {
  protected readonly settings = { name: 'referral-follow-up', intervalSetting: 'REFERRAL_FOLLOW_UP_SWEEP_MS', defaultIntervalMs: 60_000 };

  protected candidates(now: string, metadata: (actor: string, country: string) => CommandMetadata): SweepItem[] {
    const { data: due } = this.host.runner.snapshot('referral-ledger', (db) => awaitingFollowUp(db, { now, limit: BATCH }));
    return due.map(({ referralId, originCountry }) => {
      const command: RecordNoPlatformResponse = {
        type: 'RecordNoPlatformResponse', data: { referralId }, metadata: metadata(FOLLOW_UP_ACTOR, originCountry),
      };
      return { aggregate: REFERRAL_AGGREGATE, id: referralId, command };
    });
  }
}

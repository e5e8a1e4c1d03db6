import { Injectable } from '@nestjs/common';
import type { CommandMetadata, RestrictProcessing } from '@liaison/domain';
import { overdueUnrestricted } from '@liaison/projections';
import { CommandSweeper, type SweepItem } from '../../commands/process-managers/command-sweeper.js';
import { retentionPolicy } from '../../config/retention-policy.js';
import { CASE_AGGREGATE } from '../case.descriptor.js';

/** Who restricts in event metadata: the service, on the case owner's behalf. */
export const RETENTION_ACTOR = 'liaison:retention';
const BATCH = 500;

/**
 * LED Art. 5 made to bite: a person whose retention review is overdue (per the retention-reviews read
 * model and the configured policy) gets RestrictProcessing { ground: 'retention-review-overdue' }, as
 * an officer of the owner country would send it. Exactly once: the read model leaves out restricted
 * persons, and the decider answers a no-op for an already restricted person (a second pass, a pass
 * after a restart, a read model that lags) and refuses when a review recorded meanwhile keeps the data.
 * Recording the review (ReviewRetention) lifts the restriction. Every RETENTION_REVIEW_SWEEP_MS
 * (default 15 min; 0 = off).
 */
@Injectable()
export class RetentionReviewSweeper extends CommandSweeper {
  protected readonly settings = { name: 'retention-review', intervalSetting: 'RETENTION_REVIEW_SWEEP_MS', defaultIntervalMs: 900_000 };

  override onApplicationBootstrap(): void {
    // An invalid policy setting stops the service at start, not at the first pass.
    retentionPolicy();
    super.onApplicationBootstrap();
  }

  protected candidates(now: string, metadata: (actor: string, country: string) => CommandMetadata): SweepItem[] {
    const policy = retentionPolicy();
    const { data: overdue } = this.host.runner.snapshot('retention-reviews', (db) => overdueUnrestricted(db, { now, policy, limit: BATCH }));
    return overdue.map(({ caseId, personId, ownerCountry }) => {
      const command: RestrictProcessing = {
        type: 'RestrictProcessing',
        data: { caseId, personId, ground: 'retention-review-overdue', reason: 'The retention review (LED Art. 5) is overdue' },
        metadata: metadata(RETENTION_ACTOR, ownerCountry),
      };
      return { aggregate: CASE_AGGREGATE, id: caseId, command };
    });
  }
}

import { DomainError } from '../../../shared/domain-error.js';
import { addDays, compareInstants } from '../../../shared/instant.js';
import { requireInstant, requireText } from '../../../shared/validate.js';
import type { ReviewRetention } from '../../case.commands.js';
import type { RestrictionLifted, RetentionReviewed } from '../../case.events.js';
import { caseForOwner, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/**
 * A guard against typos (2205 for 2025), not a legal limit: no review may push the next one more than
 * ten years out. The periods themselves are the retention policy's (apps/api, per country and category).
 */
export const MAX_KEEP_DAYS = 3653;

/**
 * LED Art. 5: the owner country reviewed the need to keep the person's data and keeps it until
 * keepUntil, when the next review falls due. (The other outcome of a review is erasure.) A review of a
 * person restricted because the review was overdue also lifts that restriction: its ground is gone.
 */
export function decideReviewRetention(command: ReviewRetention, state: CaseState): (RetentionReviewed | RestrictionLifted)[] {
  const existing = caseForOwner(command, state);
  const person = requirePerson(existing, command.data.personId);
  // Stored in UTC, as every read model compares instants as text.
  const keepUntil = addDays(requireInstant(command.data.keepUntil, 'keepUntil'), 0);
  const { now } = command.metadata;
  if (compareInstants(keepUntil, now) <= 0 || compareInstants(keepUntil, addDays(now, MAX_KEEP_DAYS)) > 0) {
    throw new DomainError('KEEP_UNTIL_NOT_LATER', `keepUntil must lie after now and at most ${MAX_KEEP_DAYS} days ahead`, 'keepUntil');
  }
  const reason = requireText(command.data.reason, 'reason', 1000);
  const ids = { caseId: existing.caseId, personId: person.personId };
  const reviewed: RetentionReviewed = { type: 'RetentionReviewed', data: { ...ids, keepUntil, reason } };
  if (person.restriction !== 'retention-review-overdue') return [reviewed];
  return [reviewed, { type: 'RestrictionLifted', data: { ...ids, reason: 'Retention reviewed' } }];
}

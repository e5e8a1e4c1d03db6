import { DomainError } from '../../../shared/domain-error.js';
import { compareInstants } from '../../../shared/instant.js';
import { optionalText, requireInstant } from '../../../shared/validate.js';
import type { ExtendCustody } from '../../case.commands.js';
import type { CustodyExtended } from '../../case.events.js';
import { openCaseForContributor, requireOpenDetention } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

export function decideExtendCustody(command: ExtendCustody, state: CaseState): CustodyExtended[] {
  const existing = openCaseForContributor(command, state);
  const detention = requireOpenDetention(existing, command.data.detentionId);
  const nextCustodyReviewAt = requireInstant(command.data.nextCustodyReviewAt, 'nextCustodyReviewAt');
  const reason = optionalText(command.data.reason, 'reason', 1000);
  const order = compareInstants(nextCustodyReviewAt, detention.nextCustodyReviewAt);
  // Idempotent: the review date already on record is not an extension, whatever the reason.
  if (order === 0) return [];
  // An earlier date is a correction, not an extension; it needs its own command if ever wanted.
  if (order < 0) {
    throw new DomainError('CUSTODY_REVIEW_NOT_LATER', `nextCustodyReviewAt must be after ${detention.nextCustodyReviewAt}`, 'nextCustodyReviewAt');
  }
  return [{
    type: 'CustodyExtended',
    data: {
      caseId: existing.caseId, detentionId: detention.detentionId, nextCustodyReviewAt,
      ...(reason !== undefined ? { reason } : {}),
    },
  }];
}

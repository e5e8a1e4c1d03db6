import { DomainError } from '../../../shared/domain-error.js';
import {
  requireCountry, requireId, requireInstant, requireNotBefore, requirePastInstant, requireText,
} from '../../../shared/validate.js';
import type { RecordDetention } from '../../case.commands.js';
import type { DetentionRecorded } from '../../case.events.js';
import { openCaseForContributor, openDetentionOf, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

export function decideRecordDetention(command: RecordDetention, state: CaseState): DetentionRecorded[] {
  const existing = openCaseForContributor(command, state);
  const { data, metadata } = command;
  const detentionId = requireId(data.detentionId, 'detentionId');
  if (existing.detentions.has(detentionId)) {
    throw new DomainError('DETENTION_ALREADY_RECORDED', `Detention ${detentionId} is already recorded`, 'detentionId');
  }
  const person = requirePerson(existing, data.personId);
  const holdingCountry = requireCountry(data.holdingCountry, 'holdingCountry');
  const facility = requireText(data.facility, 'facility', 200);
  const legalBasis = requireText(data.legalBasis, 'legalBasis', 500);
  const detainedAt = requirePastInstant(data.detainedAt, 'detainedAt', metadata.now);
  const nextCustodyReviewAt = requireInstant(data.nextCustodyReviewAt, 'nextCustodyReviewAt');
  requireNotBefore(nextCustodyReviewAt, detainedAt, 'nextCustodyReviewAt', 'detainedAt');
  // A person is in one place at a time: a transfer is recorded by ending the detention
  // ('transferred') and recording the next one.
  const open = openDetentionOf(existing, person.personId);
  if (open) {
    throw new DomainError('DETENTION_ALREADY_OPEN', `Person ${person.personId} is still held (detention ${open.detentionId})`, 'personId');
  }
  return [{
    type: 'DetentionRecorded',
    data: {
      caseId: existing.caseId, detentionId, personId: person.personId, holdingCountry, facility,
      detainedAt, legalBasis, nextCustodyReviewAt,
    },
  }];
}

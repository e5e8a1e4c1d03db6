import { DomainError } from '../../../shared/domain-error.js';
import { isHandlingCode } from '../../../shared/handling-code.js';
import { requireCountry, requireId, requireText } from '../../../shared/validate.js';
import type { OpenCase } from '../../case.commands.js';
import type { CaseOpened } from '../../case.events.js';
import type { CaseState } from '../../case.state.js';

export function decideOpenCase({ data, metadata }: OpenCase, state: CaseState): CaseOpened[] {
  // Not idempotent: a second OpenCase may carry a different title or handling code, and
  // silently keeping the first would hide that. Retries are the API's Idempotency-Key job.
  // A closed case still exists: reopen it instead.
  if (state.exists) throw new DomainError('CASE_ALREADY_EXISTS', `Case ${state.caseId} already exists`, 'caseId');
  const caseId = requireId(data.caseId, 'caseId');
  const ownerCountry = requireCountry(metadata.actor.country, 'metadata.actor.country');
  if (!isHandlingCode(data.handlingCode)) {
    throw new DomainError('INVALID_HANDLING_CODE', 'handlingCode must be one of H0, H1, H2, H3', 'handlingCode');
  }
  const hasText = data.handlingText !== undefined && data.handlingText !== null;
  if (data.handlingCode === 'H3' && !hasText) {
    throw new DomainError('HANDLING_TEXT_REQUIRED', 'H3 needs the restriction stated in handlingText', 'handlingText');
  }
  // A restriction written as text under H0-H2 would look binding but be ignored by every
  // rule keyed on the code, so it is refused rather than stored.
  if (data.handlingCode !== 'H3' && hasText) {
    throw new DomainError('HANDLING_TEXT_NOT_ALLOWED', 'handlingText is only for H3; choose H3 to state other restrictions', 'handlingText');
  }
  return [{
    type: 'CaseOpened',
    data: {
      caseId,
      ownerCountry,
      title: requireText(data.title, 'title', 200),
      offenceCategory: requireText(data.offenceCategory, 'offenceCategory', 100),
      handlingCode: data.handlingCode,
      ...(hasText ? { handlingText: requireText(data.handlingText, 'handlingText', 1000) } : {}),
      openedBy: requireText(metadata.actor.id, 'metadata.actor.id', 200),
    },
  }];
}

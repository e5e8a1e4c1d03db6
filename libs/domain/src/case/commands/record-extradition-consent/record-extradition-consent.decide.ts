import { DomainError } from '../../../shared/domain-error.js';
import { addDays } from '../../../shared/instant.js';
import { requirePastInstant } from '../../../shared/validate.js';
import type { RecordExtraditionConsent } from '../../case.commands.js';
import type { ExtraditionConsentRecorded } from '../../case.events.js';
import { openCaseForContributor, requireExtradition, requireUndecided } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';
import { routePlan } from '../../extradition-routes.js';

/**
 * Consent is its own fact rather than a stage because it is not ordered: it can come at any
 * point before the decision. It shortens the decision deadline (NAW 3 days, EAW 10) and
 * makes the Supreme Court review unnecessary in a Swedish third-country extradition.
 */
export function decideRecordExtraditionConsent(command: RecordExtraditionConsent, state: CaseState): ExtraditionConsentRecorded[] {
  const existing = openCaseForContributor(command, state);
  const extradition = requireExtradition(existing, command.data.extraditionId);
  requireUndecided(extradition);
  // Consent is irrevocable once given in both NAW and EAW procedures; a second one would
  // restart the shortened deadline, so it is refused.
  if (extradition.consentedAt !== undefined) {
    throw new DomainError('EXTRADITION_CONSENT_ALREADY_RECORDED', `Consent was recorded at ${extradition.consentedAt}`, 'extraditionId');
  }
  const consentedAt = requirePastInstant(command.data.consentedAt, 'consentedAt', command.metadata.now);
  const days = routePlan(extradition.route, extradition.requestedCountry).consentDecisionDays;
  return [{
    type: 'ExtraditionConsentRecorded',
    data: {
      caseId: existing.caseId,
      extraditionId: extradition.extraditionId,
      consentedAt,
      ...(days !== undefined ? { decisionDeadlineAt: addDays(consentedAt, days) } : {}),
    },
  }];
}

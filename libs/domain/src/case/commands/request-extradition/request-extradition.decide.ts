import { DomainError } from '../../../shared/domain-error.js';
import { requireCountry, requireId, requireOneOf, requirePastInstant } from '../../../shared/validate.js';
import type { RequestExtradition } from '../../case.commands.js';
import type { ExtraditionRequested } from '../../case.events.js';
import { openCaseForContributor, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';
import { EXTRADITION_ROUTES, routeInapplicability } from '../../extradition-routes.js';

/** Several requests for one person may coexist (competing requests, a second attempt). */
export function decideRequestExtradition(command: RequestExtradition, state: CaseState): ExtraditionRequested[] {
  const existing = openCaseForContributor(command, state);
  const { data, metadata } = command;
  const extraditionId = requireId(data.extraditionId, 'extraditionId');
  if (existing.extraditions.has(extraditionId)) {
    throw new DomainError('EXTRADITION_ALREADY_REQUESTED', `Extradition ${extraditionId} is already requested`, 'extraditionId');
  }
  const person = requirePerson(existing, data.personId);
  const requestingCountry = requireCountry(data.requestingCountry, 'requestingCountry');
  const requestedCountry = requireCountry(data.requestedCountry, 'requestedCountry');
  if (requestingCountry === requestedCountry) {
    throw new DomainError('INVALID_VALUE', 'requestedCountry must differ from requestingCountry', 'requestedCountry');
  }
  const route = requireOneOf(data.route, EXTRADITION_ROUTES, 'route');
  const inapplicable = routeInapplicability(route, requestingCountry, requestedCountry);
  if (inapplicable) {
    throw new DomainError('EXTRADITION_ROUTE_NOT_APPLICABLE', `${route} from ${requestingCountry} to ${requestedCountry}: ${inapplicable}`, 'route');
  }
  const sentAt = requirePastInstant(data.sentAt, 'sentAt', metadata.now);
  return [{
    type: 'ExtraditionRequested',
    data: { caseId: existing.caseId, extraditionId, personId: person.personId, requestingCountry, requestedCountry, route, sentAt },
  }];
}

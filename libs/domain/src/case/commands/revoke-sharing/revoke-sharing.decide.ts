import { DomainError } from '../../../shared/domain-error.js';
import { requireCountry } from '../../../shared/validate.js';
import type { RevokeSharing } from '../../case.commands.js';
import type { CaseSharingRevoked } from '../../case.events.js';
import { openCaseForOwner } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

export function decideRevokeSharing(command: RevokeSharing, state: CaseState): CaseSharingRevoked[] {
  const existing = openCaseForOwner(command, state);
  const partnerCountry = requireCountry(command.data.partnerCountry, 'partnerCountry');
  // An error, not a no-op: revoking a share that does not exist usually means the officer
  // has the wrong country in mind, and a silent success would hide that.
  if (!existing.sharing.has(partnerCountry)) {
    throw new DomainError('CASE_NOT_SHARED_WITH_COUNTRY', `Case is not shared with ${partnerCountry}`, 'partnerCountry');
  }
  return [{ type: 'CaseSharingRevoked', data: { caseId: existing.caseId, partnerCountry } }];
}

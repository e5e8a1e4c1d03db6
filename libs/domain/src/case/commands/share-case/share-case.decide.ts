import { DomainError } from '../../../shared/domain-error.js';
import { SHARING_LEVELS } from '../../../shared/sharing-level.js';
import { requireCountry, requireOneOf } from '../../../shared/validate.js';
import type { ShareCase } from '../../case.commands.js';
import type { CaseSharedWith } from '../../case.events.js';
import { openCaseForOwner } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** Also changes the level of an existing share (up or down); same level again is a no-op. */
export function decideShareCase(command: ShareCase, state: CaseState): CaseSharedWith[] {
  const existing = openCaseForOwner(command, state);
  const partnerCountry = requireCountry(command.data.partnerCountry, 'partnerCountry');
  const level = requireOneOf(command.data.level, SHARING_LEVELS, 'level');
  if (partnerCountry === existing.ownerCountry) {
    throw new DomainError('CANNOT_SHARE_WITH_OWNER', `${partnerCountry} owns the case`, 'partnerCountry');
  }
  // Idempotent: a disclosure already in force is not disclosed again, so no event (and no
  // duplicate LED Art. 25 disclosure log entry) is produced.
  if (existing.sharing.get(partnerCountry) === level) return [];
  return [{ type: 'CaseSharedWith', data: { caseId: existing.caseId, partnerCountry, level } }];
}

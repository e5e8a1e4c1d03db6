import { requireText } from '../../../shared/validate.js';
import type { CloseCase } from '../../case.commands.js';
import type { CaseClosed } from '../../case.events.js';
import { openCaseForOwner } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** Closing a closed case is CASE_CLOSED, not a no-op: the second reason would be lost. */
export function decideCloseCase(command: CloseCase, state: CaseState): CaseClosed[] {
  const existing = openCaseForOwner(command, state);
  return [{ type: 'CaseClosed', data: { caseId: existing.caseId, reason: requireText(command.data.reason, 'reason', 1000) } }];
}

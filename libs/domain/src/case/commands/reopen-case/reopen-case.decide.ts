import { DomainError } from '../../../shared/domain-error.js';
import { requireText } from '../../../shared/validate.js';
import type { ReopenCase } from '../../case.commands.js';
import type { CaseReopened } from '../../case.events.js';
import { caseForOwner } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

export function decideReopenCase(command: ReopenCase, state: CaseState): CaseReopened[] {
  const existing = caseForOwner(command, state);
  if (existing.status !== 'closed') throw new DomainError('CASE_NOT_CLOSED', `Case ${existing.caseId} is open`);
  return [{ type: 'CaseReopened', data: { caseId: existing.caseId, reason: requireText(command.data.reason, 'reason', 1000) } }];
}

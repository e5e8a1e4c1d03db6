import { DomainError } from '../../../shared/domain-error.js';
import {
  requireCountry, requireEvaluation, requireId, requireOneOf, requireText, requireUnique,
} from '../../../shared/validate.js';
import type { IdentifyHandlerAbroad } from '../../case.commands.js';
import { PLATFORMS, type HandlerAbroadIdentified } from '../../case.events.js';
import { openCaseForContributor } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/**
 * A person abroad directing crimes here, typically recruiting teenagers over Telegram or
 * TikTok. Kept apart from persons: usually known only by an alias and a believed location.
 */
export function decideIdentifyHandlerAbroad(command: IdentifyHandlerAbroad, state: CaseState): HandlerAbroadIdentified[] {
  const existing = openCaseForContributor(command, state);
  const { data } = command;
  const handlerId = requireId(data.handlerId, 'handlerId');
  if (existing.handlers.has(handlerId)) {
    throw new DomainError('HANDLER_ALREADY_IDENTIFIED', `Handler ${handlerId} is already identified`, 'handlerId');
  }
  if (!Array.isArray(data.platforms)) throw new DomainError('INVALID_VALUE', 'platforms must be a list', 'platforms');
  // May be empty: a handler can be known from a seized phone or a witness, not a platform.
  const platforms = data.platforms.map((p, i) => requireOneOf(p, PLATFORMS, `platforms.${i}`));
  requireUnique(platforms, 'platforms');
  return [{
    type: 'HandlerAbroadIdentified',
    data: {
      caseId: existing.caseId,
      handlerId,
      alias: requireText(data.alias, 'alias', 200),
      believedCountry: requireCountry(data.believedCountry, 'believedCountry'),
      platforms,
      evaluation: requireEvaluation(data.evaluation, 'evaluation'),
    },
  }];
}

import { parseInstant } from '../shared/instant.js';
import type { ActionDayCommand } from './action-day.commands.js';
import type { ActionDayEvent } from './action-day.events.js';
import { evolveActionDay, foldActionDay, initialActionDayState, type ActionDayState } from './action-day.state.js';
import { decidePlanActionDay } from './commands/plan-action-day/plan-action-day.decide.js';
import { decideRecordActionDayList } from './commands/record-action-day-list/record-action-day-list.decide.js';
import { decideRecordPlatformAnswers } from './commands/record-platform-answers/record-platform-answers.decide.js';

/**
 * Pure: the same command and state always give the same events. Throws ActionDayNotFound (404),
 * ReferralAccessDenied (403) or DomainError (422); returns [] when the command changes nothing.
 */
export function decideActionDay(command: ActionDayCommand, state: ActionDayState): ActionDayEvent[] {
  // Metadata is built by our own application layer, so a bad clock value is a bug (500).
  if (parseInstant(command.metadata?.now) === undefined) {
    throw new Error(`Command metadata.now must be an ISO-8601 instant, got ${String(command.metadata?.now)}`);
  }
  switch (command.type) {
    case 'PlanActionDay': return decidePlanActionDay(command, state);
    case 'RecordActionDayList': return decideRecordActionDayList(command, state);
    case 'RecordPlatformAnswers': return decideRecordPlatformAnswers(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown action-day command ${(unhandled as { type: string }).type}`);
    }
  }
}

/** Satisfies @liaison/event-store's structural Decider. */
export const actionDayDecider = {
  initialState: initialActionDayState,
  evolve: evolveActionDay,
  fold: foldActionDay,
  decide: decideActionDay,
};

export const actionDayStreamId = (actionDayId: string): string => `action-day-${actionDayId}`;

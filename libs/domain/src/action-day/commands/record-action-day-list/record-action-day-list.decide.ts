import type { RecordActionDayList } from '../../action-day.commands.js';
import type { ActionDayListSubmitted } from '../../action-day.events.js';
import { actionDayForParticipant, validateFile } from '../../action-day.guards.js';
import type { ActionDayState } from '../../action-day.state.js';

/** Idempotent by file hash: the same list submitted again (by anyone) adds nothing. */
export function decideRecordActionDayList(command: RecordActionDayList, state: ActionDayState): ActionDayListSubmitted[] {
  const day = actionDayForParticipant(command, state);
  const file = validateFile(command);
  if (day.listFiles.includes(file.fileSha256)) return [];
  return [{ type: 'ActionDayListSubmitted', data: { actionDayId: day.actionDayId, ...file } }];
}

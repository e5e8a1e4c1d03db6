import type { RecordPlatformAnswers } from '../../action-day.commands.js';
import type { PlatformAnswersImported } from '../../action-day.events.js';
import { actionDayForParticipant, validateFile } from '../../action-day.guards.js';
import type { ActionDayState } from '../../action-day.state.js';

/**
 * Idempotent by file hash, separately from lists: an answer file is never the list it answers,
 * but the same answer file imported twice adds nothing.
 */
export function decideRecordPlatformAnswers(command: RecordPlatformAnswers, state: ActionDayState): PlatformAnswersImported[] {
  const day = actionDayForParticipant(command, state);
  const file = validateFile(command);
  if (day.answerFiles.includes(file.fileSha256)) return [];
  return [{ type: 'PlatformAnswersImported', data: { actionDayId: day.actionDayId, ...file } }];
}

import { ActionDayNotFound, DomainError, ReferralAccessDenied } from '../shared/domain-error.js';
import { requireCountry, requireIntegerBetween, requireOneOf, requireSha256 } from '../shared/validate.js';
import type { RecordActionDayList, RecordPlatformAnswers } from './action-day.commands.js';
import { ACTION_DAY_FILE_FORMATS, type ActionDayFileFormat } from './action-day.events.js';
import type { ActionDayState, PlannedActionDayState } from './action-day.state.js';

/** Far above any real list; a larger count is a parsing error upstream. */
export const MAX_FILE_ROWS = 1_000_000;

/** 404, then 403: a country outside the day learns nothing about its files. */
export function actionDayForParticipant(
  command: RecordActionDayList | RecordPlatformAnswers,
  state: ActionDayState,
): PlannedActionDayState {
  if (!state.exists) throw new ActionDayNotFound(command.data.actionDayId);
  if (command.data.actionDayId !== state.actionDayId) {
    throw new DomainError('INVALID_ID', `actionDayId ${command.data.actionDayId} does not match action day ${state.actionDayId}`, 'actionDayId');
  }
  const country = command.metadata.actor.country;
  if (country !== state.organiserCountry && !state.participatingCountries.includes(country)) {
    throw new ReferralAccessDenied('NOT_A_PARTICIPANT', `${country} does not take part in action day ${state.actionDayId}`);
  }
  return state;
}

export interface FileRecord { fileSha256: string; format: ActionDayFileFormat; rows: number; country: string }

export function validateFile({ data, metadata }: RecordActionDayList | RecordPlatformAnswers): FileRecord {
  return {
    fileSha256: requireSha256(data.fileSha256, 'fileSha256'),
    format: requireOneOf(data.format, ACTION_DAY_FILE_FORMATS, 'format'),
    rows: requireIntegerBetween(data.rows, 1, MAX_FILE_ROWS, 'rows'),
    country: requireCountry(metadata.actor.country, 'metadata.actor.country'),
  };
}

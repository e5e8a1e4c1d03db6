import type { CommandMetadata } from '../shared/command-metadata.js';
import type { CountryCode } from '../shared/country-code.js';
import type { ReferralPlatform } from '../referral/referral.events.js';
import type { ActionDayCoordinator, ActionDayFileFormat } from './action-day.events.js';

// Every action-day command names its day (stream action-day-<actionDayId>); who acts and when
// come from metadata. The decider re-validates everything at run time because DTOs can be cast.

type Command<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

export type PlanActionDay = Command<'PlanActionDay', {
  actionDayId: string; title: string; coordinator: ActionDayCoordinator; coordinatorName: string;
  platform: ReferralPlatform; date: string; participatingCountries: CountryCode[];
}>;
export type RecordActionDayList = Command<'RecordActionDayList', {
  actionDayId: string; fileSha256: string; format: ActionDayFileFormat; rows: number;
}>;
export type RecordPlatformAnswers = Command<'RecordPlatformAnswers', {
  actionDayId: string; fileSha256: string; format: ActionDayFileFormat; rows: number;
}>;
export type ActionDayCommand = PlanActionDay | RecordActionDayList | RecordPlatformAnswers;
export type ActionDayCommandType = ActionDayCommand['type'];

/** Every action-day command type once; the decider spec checks each is routed. */
export const ACTION_DAY_COMMAND_TYPES = [
  'PlanActionDay', 'RecordActionDayList', 'RecordPlatformAnswers',
] as const satisfies readonly ActionDayCommandType[];

import type { CountryCode } from '../shared/country-code.js';
import type { ReferralPlatform } from '../referral/referral.events.js';

// Referral action days: their own small stream (action-day-<actionDayId>), grouping the referrals
// of one coordinated day. Event names are part of the stored history: never rename one.

type Event<Type extends string, Data> = { type: Type; data: Data };

export const ACTION_DAY_COORDINATORS = ['eu_iru', 'national_unit'] as const;
export type ActionDayCoordinator = (typeof ACTION_DAY_COORDINATORS)[number];

/** The two file formats a list or an answer file may come in. */
export const ACTION_DAY_FILE_FORMATS = ['csv', 'jsonl'] as const;
export type ActionDayFileFormat = (typeof ACTION_DAY_FILE_FORMATS)[number];

export type ReferralActionDayPlanned = Event<'ReferralActionDayPlanned', {
  actionDayId: string;
  title: string;
  coordinator: ActionDayCoordinator;
  /** e.g. 'Europol EU IRU' or 'NOA Cyber'. */
  coordinatorName: string;
  platform: ReferralPlatform;
  /** Calendar date of the day, YYYY-MM-DD. */
  date: string;
  participatingCountries: CountryCode[];
  /** The planning officer's country; it and the participants see the day. */
  organiserCountry: CountryCode;
}>;

/** A whole list was referred in one request; the file hash makes a re-submission a no-op. */
export type ActionDayListSubmitted = Event<'ActionDayListSubmitted', {
  actionDayId: string; fileSha256: string; format: ActionDayFileFormat; rows: number; country: CountryCode;
}>;

/** A platform's answer file was imported; same idempotency by file hash. */
export type PlatformAnswersImported = Event<'PlatformAnswersImported', {
  actionDayId: string; fileSha256: string; format: ActionDayFileFormat; rows: number; country: CountryCode;
}>;

export type ActionDayEvent = ReferralActionDayPlanned | ActionDayListSubmitted | PlatformAnswersImported;
export type ActionDayEventType = ActionDayEvent['type'];
export const ACTION_DAY_EVENT_TYPES: readonly ActionDayEventType[] = ['ReferralActionDayPlanned', 'ActionDayListSubmitted', 'PlatformAnswersImported'];

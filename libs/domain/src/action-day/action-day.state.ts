import type { CountryCode } from '../shared/country-code.js';
import type { ReferralPlatform } from '../referral/referral.events.js';
import type { ActionDayEvent } from './action-day.events.js';

// Only what decisions need: who may see and add to the day, its platform (a list for the day refers
// content on that platform only), and which files it has already taken (their hashes make a
// re-submitted list or answer file a no-op).

export interface PlannedActionDayState {
  exists: true;
  actionDayId: string;
  organiserCountry: CountryCode;
  platform: ReferralPlatform;
  /** YYYY-MM-DD. */
  date: string;
  participatingCountries: readonly CountryCode[];
  /** fileSha256 of every list submitted (ActionDayListSubmitted). */
  listFiles: readonly string[];
  /** fileSha256 of every answer file imported (PlatformAnswersImported). */
  answerFiles: readonly string[];
}

export type ActionDayState = { exists: false } | PlannedActionDayState;

export const initialActionDayState = (): ActionDayState => ({ exists: false });

/** Unknown event types throw: deciding on a history we cannot read is worse than refusing. */
export function evolveActionDay(state: ActionDayState, event: ActionDayEvent): ActionDayState {
  if (event.type === 'ReferralActionDayPlanned') {
    const { actionDayId, organiserCountry, platform, date, participatingCountries } = event.data;
    return { exists: true, actionDayId, organiserCountry, platform, date, participatingCountries, listFiles: [], answerFiles: [] };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ActionDayListSubmitted':
      return { ...state, listFiles: [...state.listFiles, event.data.fileSha256] };
    case 'PlatformAnswersImported':
      return { ...state, answerFiles: [...state.answerFiles, event.data.fileSha256] };
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled action-day event ${(unhandled as { type: string }).type}`);
    }
  }
}

/** A day takes a few dozen files at most, so a plain reduce (copying the lists) is fast enough. */
export const foldActionDay = (state: ActionDayState, events: readonly ActionDayEvent[]): ActionDayState =>
  events.reduce(evolveActionDay, state);

import type { PersonalDataPolicyOf, ReviewedPlain } from '../shared/personal-data.js';
import type { ActionDayEvent } from './action-day.events.js';

/** Action days hold no personal data: the referred items are referrals, each with its own policy. */
export const ACTION_DAY_PERSONAL_DATA: PersonalDataPolicyOf<ActionDayEvent> = {
  ReferralActionDayPlanned: [],
  ActionDayListSubmitted: [],
  PlatformAnswersImported: [],
};

export const ACTION_DAY_REVIEWED_PLAIN: ReviewedPlain = {
  'ReferralActionDayPlanned.title': 'the name of an operation shown to every participating country',
  'ReferralActionDayPlanned.coordinatorName': 'a coordinating unit (e.g. Europol EU IRU), not a person',
};

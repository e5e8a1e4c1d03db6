// Every aggregate's personal-data policy in one table, for the store's encryption (ADR 19).
import { ACTION_DAY_PERSONAL_DATA } from './action-day/action-day.personal-data.js';
import { CASE_PERSONAL_DATA } from './case/case.personal-data.js';
import { INFORMATION_REQUEST_PERSONAL_DATA } from './information-request/information-request.personal-data.js';
import { REFERRAL_PERSONAL_DATA } from './referral/referral.personal-data.js';

export { CASE_PERSONAL_DATA, REFERRAL_PERSONAL_DATA, INFORMATION_REQUEST_PERSONAL_DATA, ACTION_DAY_PERSONAL_DATA };
export * from './shared/personal-data.js';

/** Event type → its personal fields, for every aggregate (event type names are unique across aggregates). */
export const PERSONAL_DATA_POLICY = {
  ...CASE_PERSONAL_DATA,
  ...REFERRAL_PERSONAL_DATA,
  ...INFORMATION_REQUEST_PERSONAL_DATA,
  ...ACTION_DAY_PERSONAL_DATA,
} as const;

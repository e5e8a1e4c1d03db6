import { DomainError } from '../../../shared/domain-error.js';
import {
  requireCalendarDate, requireCountry, requireCountryList, requireId, requireOneOf, requireText,
} from '../../../shared/validate.js';
import { REFERRAL_PLATFORMS } from '../../../referral/referral.events.js';
import type { PlanActionDay } from '../../action-day.commands.js';
import { ACTION_DAY_COORDINATORS, type ReferralActionDayPlanned } from '../../action-day.events.js';
import type { ActionDayState } from '../../action-day.state.js';

/**
 * Not idempotent, like OpenCase: a second plan may carry another date or other participants, and
 * silently keeping the first would hide that. Retries are the API's Idempotency-Key job.
 */
export function decidePlanActionDay({ data, metadata }: PlanActionDay, state: ActionDayState): ReferralActionDayPlanned[] {
  if (state.exists) {
    throw new DomainError('ACTION_DAY_ALREADY_PLANNED', `Action day ${state.actionDayId} is already planned`, 'actionDayId');
  }
  return [{
    type: 'ReferralActionDayPlanned',
    data: {
      actionDayId: requireId(data.actionDayId, 'actionDayId'),
      title: requireText(data.title, 'title', 200),
      coordinator: requireOneOf(data.coordinator, ACTION_DAY_COORDINATORS, 'coordinator'),
      coordinatorName: requireText(data.coordinatorName, 'coordinatorName', 200),
      platform: requireOneOf(data.platform, REFERRAL_PLATFORMS, 'platform'),
      // A calendar date, not an instant: the day is the same day in every participating country.
      date: requireCalendarDate(data.date, 'date'),
      participatingCountries: requireCountryList(data.participatingCountries, 'participatingCountries'),
      organiserCountry: requireCountry(metadata.actor.country, 'metadata.actor.country'),
    },
  }];
}

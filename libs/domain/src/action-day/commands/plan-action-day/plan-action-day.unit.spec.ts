import { describe, it } from '@jest/globals';
import {
  actionDayCommand as command, actionDayPlanned, by, givenActionDay as given,
} from '../../../testing/referral.fixtures.js';

const { actionDayId: _, organiserCountry: __, ...plannedData } = actionDayPlanned.data;
const plan = (data: Record<string, unknown> = {}, country = 'SE') =>
  command('PlanActionDay', { ...plannedData, ...data } as never, by(country));

describe('PlanActionDay', () => {
  it('plans the day, organised by the planning officer\'s country', () => {
    given([]).when(plan()).then([actionDayPlanned]);
  });

  it('trims the title and coordinator name', () => {
    given([]).when(plan({ title: ' Nordic TikTok action day ', coordinatorName: ' Europol EU IRU ' })).then([actionDayPlanned]);
  });

  it('refuses a second plan for the same day, from any country', () => {
    given([actionDayPlanned]).when(plan()).thenThrows('ACTION_DAY_ALREADY_PLANNED');
    given([actionDayPlanned]).when(plan({}, 'DK')).thenThrows('ACTION_DAY_ALREADY_PLANNED');
  });

  it.each(['2024-02-30', '2025-02-29', '2024-13-01', '2024-9-10', '2024-09-10T00:00:00Z', ''])('refuses the date %p', (date) => {
    given([]).when(plan({ date })).thenThrows('INVALID_DATE');
  });

  it('accepts a leap day', () => {
    given([]).when(plan({ date: '2024-02-29' })).then([{ ...actionDayPlanned, data: { ...actionDayPlanned.data, date: '2024-02-29' } }]);
  });

  it.each([
    ['no participating countries', { participatingCountries: [] }, 'INVALID_VALUE'],
    ['participants that are not a list', { participatingCountries: 'DK' }, 'INVALID_VALUE'],
    ['a participant twice', { participatingCountries: ['DK', 'DK'] }, 'DUPLICATE_VALUE'],
    ['an invalid participant code', { participatingCountries: ['DK', 'dk'] }, 'INVALID_COUNTRY_CODE'],
    ['a title over 200 characters', { title: 't'.repeat(201) }, 'INVALID_TEXT'],
    ['a blank coordinator name', { coordinatorName: ' ' }, 'INVALID_TEXT'],
    ['a coordinator name over 200 characters', { coordinatorName: 'c'.repeat(201) }, 'INVALID_TEXT'],
    ['an unknown coordinator', { coordinator: 'interpol' }, 'INVALID_VALUE'],
    ['an unknown platform', { platform: 'myspace' }, 'INVALID_VALUE'],
    ['a malformed id', { actionDayId: 'a day' }, 'INVALID_ID'],
  ])('refuses %s', (_name, data, code) => {
    given([]).when(plan(data)).thenThrows(code);
  });
});

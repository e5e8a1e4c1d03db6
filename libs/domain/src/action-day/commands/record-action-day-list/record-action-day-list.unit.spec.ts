import { describe, it } from '@jest/globals';
import { ActionDayNotFound, ReferralAccessDenied } from '../../../shared/domain-error.js';
import {
  ANSWERS_SHA256, LIST_SHA256, actionDayCommand as command, actionDayPlanned, answersImported, by,
  givenActionDay as given, listSubmitted,
} from '../../../testing/referral.fixtures.js';

const submit = (data: Record<string, unknown> = {}, country = 'SE') =>
  command('RecordActionDayList', { fileSha256: LIST_SHA256, format: 'csv', rows: 120, ...data } as never, by(country));

describe('RecordActionDayList', () => {
  it('records a list submitted by the organiser', () => {
    given([actionDayPlanned]).when(submit()).then([listSubmitted()]);
  });

  it('records a list submitted by a participant, under its own country, hash stored lowercase', () => {
    given([actionDayPlanned]).when(submit({ fileSha256: 'E'.repeat(64), format: 'jsonl', rows: 1 }, 'NO'))
      .then([{ type: 'ActionDayListSubmitted', data: { actionDayId: actionDayPlanned.data.actionDayId, fileSha256: 'e'.repeat(64), format: 'jsonl', rows: 1, country: 'NO' } }]);
  });

  it('is a no-op for a file already submitted, whoever submits it again', () => {
    given([actionDayPlanned, listSubmitted()]).when(submit()).thenNothing();
    given([actionDayPlanned, listSubmitted()]).when(submit({ fileSha256: LIST_SHA256.toUpperCase() }, 'DK')).thenNothing();
  });

  it('keeps lists and answer files apart: an answer file\'s hash does not stop a list', () => {
    given([actionDayPlanned, answersImported(LIST_SHA256)]).when(submit()).then([listSubmitted()]);
    given([actionDayPlanned, listSubmitted()]).when(submit({ fileSha256: ANSWERS_SHA256 })).then([listSubmitted(ANSWERS_SHA256)]);
  });

  it('needs the day to exist and the country to take part', () => {
    given([]).when(submit()).thenThrows('ACTION_DAY_NOT_FOUND', ActionDayNotFound);
    given([actionDayPlanned]).when(submit({}, 'FI')).thenThrows('NOT_A_PARTICIPANT', ReferralAccessDenied);
  });

  it.each([
    ['a hash that is not hex', { fileSha256: 'list.csv' }, 'INVALID_SHA256'],
    ['an unknown format', { format: 'xlsx' }, 'INVALID_VALUE'],
    ['zero rows', { rows: 0 }, 'INVALID_VALUE'],
    ['a fractional row count', { rows: 1.5 }, 'INVALID_VALUE'],
    ['a row count as text', { rows: '120' }, 'INVALID_VALUE'],
    ['a body naming another day', { actionDayId: 'ad-other' }, 'INVALID_ID'],
  ])('refuses %s', (_, data, code) => {
    given([actionDayPlanned]).when(submit(data)).thenThrows(code);
  });
});

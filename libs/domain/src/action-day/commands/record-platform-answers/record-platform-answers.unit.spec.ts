import { describe, it } from '@jest/globals';
import { ActionDayNotFound, ReferralAccessDenied } from '../../../shared/domain-error.js';
import {
  ANSWERS_SHA256, actionDayCommand as command, actionDayPlanned, answersImported, by, givenActionDay as given,
  listSubmitted,
} from '../../../testing/referral.fixtures.js';

const importAnswers = (data: Record<string, unknown> = {}, country = 'SE') =>
  command('RecordPlatformAnswers', { fileSha256: ANSWERS_SHA256, format: 'jsonl', rows: 118, ...data } as never, by(country));

describe('RecordPlatformAnswers', () => {
  it('records a platform\'s answer file imported by the organiser or a participant', () => {
    given([actionDayPlanned, listSubmitted()]).when(importAnswers()).then([answersImported()]);
    given([actionDayPlanned]).when(importAnswers({}, 'DK')).then([answersImported(ANSWERS_SHA256, 'DK')]);
  });

  it('is a no-op for an answer file already imported (idempotent by file hash)', () => {
    given([actionDayPlanned, answersImported()]).when(importAnswers({ rows: 118 }, 'NO')).thenNothing();
  });

  it('does not mistake a list\'s hash for an imported answer file', () => {
    given([actionDayPlanned, listSubmitted(ANSWERS_SHA256)]).when(importAnswers()).then([answersImported()]);
  });

  it('needs the day to exist and the country to take part', () => {
    given([]).when(importAnswers()).thenThrows('ACTION_DAY_NOT_FOUND', ActionDayNotFound);
    given([actionDayPlanned]).when(importAnswers({}, 'IS')).thenThrows('NOT_A_PARTICIPANT', ReferralAccessDenied);
  });

  it.each([
    ['a short hash', { fileSha256: 'abc' }, 'INVALID_SHA256'],
    ['an unknown format', { format: 'json' }, 'INVALID_VALUE'],
    ['a negative row count', { rows: -1 }, 'INVALID_VALUE'],
  ])('refuses %s', (_, data, code) => {
    given([actionDayPlanned]).when(importAnswers(data)).thenThrows(code);
  });
});

import { describe, it } from '@jest/globals';
import { CaseNotFound } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, by, caseClosed, caseOpened, command } from '../../../testing/case.fixtures.js';

const openCase = (data: Partial<Parameters<typeof command<'OpenCase'>>[1]> = {}, metadata = by('DK')) =>
  command('OpenCase', { title: ' Shooting at Nørrebro, 12 Aug ', offenceCategory: 'attempted-homicide', handlingCode: 'H1', ...data }, metadata);

describe('OpenCase', () => {
  it('opens a case owned by the acting officer’s country, text trimmed', () => {
    given([]).when(openCase()).then([caseOpened]);
  });

  it('keeps the restriction text of H3', () => {
    given([]).when(openCase({ handlingCode: 'H3', handlingText: 'Not to Europol' })).then([{
      ...caseOpened, data: { ...caseOpened.data, handlingCode: 'H3', handlingText: 'Not to Europol' },
    }]);
  });

  it('rejects a case id that already exists, even closed', () => {
    given([caseOpened]).when(openCase()).thenThrows('CASE_ALREADY_EXISTS');
    given([caseOpened, caseClosed]).when(openCase()).thenThrows('CASE_ALREADY_EXISTS');
  });

  it('requires text for H3', () => {
    given([]).when(openCase({ handlingCode: 'H3' })).thenThrows('HANDLING_TEXT_REQUIRED');
  });

  it('refuses restriction text under H0-H2', () => {
    given([]).when(openCase({ handlingCode: 'H2', handlingText: 'Do not pass on' })).thenThrows('HANDLING_TEXT_NOT_ALLOWED');
  });

  it('rejects an unknown handling code', () => {
    given([]).when(openCase({ handlingCode: 'H4' as never })).thenThrows('INVALID_HANDLING_CODE');
  });

  it('rejects a blank title and an unsafe case id', () => {
    given([]).when(openCase({ title: '   ' })).thenThrows('INVALID_TEXT');
    given([]).when({ ...openCase(), data: { ...openCase().data, caseId: '../etc' } }).thenThrows('INVALID_ID');
  });

  it('rejects an actor without a valid country', () => {
    given([]).when(openCase({}, by('Denmark'))).thenThrows('INVALID_COUNTRY_CODE');
  });

  it('treats any other command on a missing case as not found', () => {
    given([]).when(command('CloseCase', { reason: 'x' })).thenThrows('CASE_NOT_FOUND', CaseNotFound);
  });

  it('rejects a command whose caseId is not the case of the stream', () => {
    const close = command('CloseCase', { reason: 'x' });
    given([caseOpened]).when({ ...close, data: { ...close.data, caseId: `${CASE_ID}-other` } }).thenThrows('INVALID_ID');
  });
});

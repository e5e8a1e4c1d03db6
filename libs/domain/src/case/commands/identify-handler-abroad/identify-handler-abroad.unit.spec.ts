import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { caseOpened, command, handlerIdentified } from '../../../testing/case.fixtures.js';

const identify = (data: Record<string, unknown> = {}) =>
  command('IdentifyHandlerAbroad', { ...handlerIdentified.data, ...data } as never);

describe('IdentifyHandlerAbroad', () => {
  it('identifies a handler abroad with platforms and evaluation', () => {
    given([caseOpened]).when(identify()).then([handlerIdentified]);
  });

  it('requires a new handler id', () => {
    given([caseOpened, handlerIdentified]).when(identify()).thenThrows('HANDLER_ALREADY_IDENTIFIED');
  });

  it('validates platforms, country and evaluation', () => {
    given([caseOpened]).when(identify({ platforms: ['telegram', 'myspace'] })).thenThrows('INVALID_VALUE');
    given([caseOpened]).when(identify({ platforms: ['telegram', 'telegram'] })).thenThrows('DUPLICATE_VALUE');
    given([caseOpened]).when(identify({ believedCountry: 'TUR' })).thenThrows('INVALID_COUNTRY_CODE');
    given([caseOpened]).when(identify({ evaluation: { source: 'A' } })).thenThrows('INVALID_EVALUATION');
  });
});

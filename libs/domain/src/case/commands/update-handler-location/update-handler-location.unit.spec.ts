import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, HANDLER_ID, caseOpened, command, handlerIdentified } from '../../../testing/case.fixtures.js';

describe('UpdateHandlerLocation', () => {
  it('records where the handler is now believed to be', () => {
    given([caseOpened, handlerIdentified])
      .when(command('UpdateHandlerLocation', { handlerId: HANDLER_ID, believedCountry: 'AE', evaluation: { source: 'B', information: 2 } }))
      .then([{ type: 'HandlerLocationUpdated', data: { caseId: CASE_ID, handlerId: HANDLER_ID, believedCountry: 'AE', evaluation: { source: 'B', information: 2 } } }]);
  });

  it('is a no-op for the same country and evaluation', () => {
    given([caseOpened, handlerIdentified])
      .when(command('UpdateHandlerLocation', { handlerId: HANDLER_ID, believedCountry: 'TR', evaluation: { source: 'B', information: 3 } }))
      .thenNothing();
  });

  it('requires an identified handler', () => {
    given([caseOpened])
      .when(command('UpdateHandlerLocation', { handlerId: HANDLER_ID, believedCountry: 'AE', evaluation: { source: 'B', information: 2 } }))
      .thenThrows('HANDLER_NOT_IDENTIFIED');
  });
});

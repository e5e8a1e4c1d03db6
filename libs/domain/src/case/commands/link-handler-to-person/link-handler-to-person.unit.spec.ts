import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, HANDLER_ID, PERSON_ID, caseOpened, command, handlerIdentified, personRegistered } from '../../../testing/case.fixtures.js';

const linked = (relation: 'recruited' | 'paid') =>
  ({ type: 'HandlerLinkedToPerson', data: { caseId: CASE_ID, handlerId: HANDLER_ID, personId: PERSON_ID, relation } }) as const;

describe('LinkHandlerToPerson', () => {
  it('links a handler to a person, one relation at a time', () => {
    given([caseOpened, personRegistered, handlerIdentified])
      .when(command('LinkHandlerToPerson', { handlerId: HANDLER_ID, personId: PERSON_ID, relation: 'recruited' }))
      .then([linked('recruited')]);
    given([caseOpened, personRegistered, handlerIdentified, linked('recruited')])
      .when(command('LinkHandlerToPerson', { handlerId: HANDLER_ID, personId: PERSON_ID, relation: 'paid' }))
      .then([linked('paid')]);
  });

  it('is a no-op for a link already on record', () => {
    given([caseOpened, personRegistered, handlerIdentified, linked('recruited')])
      .when(command('LinkHandlerToPerson', { handlerId: HANDLER_ID, personId: PERSON_ID, relation: 'recruited' }))
      .thenNothing();
  });

  it('requires an identified handler and a registered person', () => {
    given([caseOpened, personRegistered])
      .when(command('LinkHandlerToPerson', { handlerId: HANDLER_ID, personId: PERSON_ID, relation: 'recruited' }))
      .thenThrows('HANDLER_NOT_IDENTIFIED');
    given([caseOpened, handlerIdentified])
      .when(command('LinkHandlerToPerson', { handlerId: HANDLER_ID, personId: PERSON_ID, relation: 'recruited' }))
      .thenThrows('PERSON_NOT_REGISTERED');
  });

  it('rejects an unknown relation', () => {
    given([caseOpened, personRegistered, handlerIdentified])
      .when(command('LinkHandlerToPerson', { handlerId: HANDLER_ID, personId: PERSON_ID, relation: 'befriended' as never }))
      .thenThrows('INVALID_VALUE');
  });
});

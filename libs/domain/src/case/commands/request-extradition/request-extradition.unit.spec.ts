import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { caseOpened, command, extraditionRequested, personRegistered } from '../../../testing/case.fixtures.js';

const request = (data: Record<string, unknown> = {}) =>
  command('RequestExtradition', { ...extraditionRequested().data, ...data } as never);

describe('RequestExtradition', () => {
  it('records a Nordic arrest warrant from SE to DK', () => {
    given([caseOpened, personRegistered]).when(request()).then([extraditionRequested()]);
  });

  it('records a third-country request', () => {
    given([caseOpened, personRegistered])
      .when(request({ route: 'third-country', requestingCountry: 'SE', requestedCountry: 'TR' }))
      .then([extraditionRequested('third-country', 'SE', 'TR')]);
  });

  it('requires a registered person and a new extradition id', () => {
    given([caseOpened]).when(request()).thenThrows('PERSON_NOT_REGISTERED');
    given([caseOpened, personRegistered, extraditionRequested()]).when(request()).thenThrows('EXTRADITION_ALREADY_REQUESTED');
  });

  it('rejects a route that does not apply between the two states', () => {
    given([caseOpened, personRegistered]).when(request({ requestedCountry: 'DE' })).thenThrows('EXTRADITION_ROUTE_NOT_APPLICABLE');
    given([caseOpened, personRegistered]).when(request({ route: 'european-arrest-warrant' })).thenThrows('EXTRADITION_ROUTE_NOT_APPLICABLE');
    given([caseOpened, personRegistered]).when(request({ route: 'european-arrest-warrant', requestedCountry: 'TR' })).thenThrows('EXTRADITION_ROUTE_NOT_APPLICABLE');
    given([caseOpened, personRegistered]).when(request({ route: 'third-country', requestedCountry: 'DE' })).thenThrows('EXTRADITION_ROUTE_NOT_APPLICABLE');
  });

  it('rejects the same state on both sides and an unknown route', () => {
    given([caseOpened, personRegistered]).when(request({ requestedCountry: 'SE' })).thenThrows('INVALID_VALUE');
    given([caseOpened, personRegistered]).when(request({ route: 'interpol' })).thenThrows('INVALID_VALUE');
  });
});

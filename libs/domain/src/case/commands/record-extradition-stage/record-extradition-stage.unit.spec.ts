import { describe, it } from '@jest/globals';
import type { ExtraditionStage } from '../../extradition-routes.js';
import { given } from '../../../testing/given-when-then.js';
import {
  CASE_ID, EXTRADITION_ID, caseOpened, command, extraditionDecided, extraditionRequested, personRegistered, stageReached,
} from '../../../testing/case.fixtures.js';

const record = (stage: ExtraditionStage, reachedAt: string) => command('RecordExtraditionStage', { extraditionId: EXTRADITION_ID, stage, reachedAt });
const reached = (stage: ExtraditionStage, reachedAt: string, deadline?: { deadlineAt: string; deadlineFor: 'decision' | 'hand-over' | 'formal-request' }) =>
  ({ type: 'ExtraditionStageReached', data: { caseId: CASE_ID, extraditionId: EXTRADITION_ID, stage, reachedAt, ...deadline } }) as const;

const naw = [caseOpened, personRegistered, extraditionRequested('nordic-arrest-warrant', 'SE', 'DK')];
const seThirdCountry = [caseOpened, personRegistered, extraditionRequested('third-country', 'TR', 'SE')];
const arrested = stageReached('arrested', '2024-08-15T06:00:00.000Z');

describe('RecordExtraditionStage', () => {
  it('starts the statutory decision deadline on arrest (NAW, DK executing: 30 days)', () => {
    given(naw).when(record('arrested', '2024-08-15T06:00:00.000Z'))
      .then([reached('arrested', '2024-08-15T06:00:00.000Z', { deadlineAt: '2024-09-14T06:00:00.000Z', deadlineFor: 'decision' })]);
  });

  it('uses the executing state’s figures (EAW, SE executing: 30 days; DK: 60)', () => {
    given([caseOpened, personRegistered, extraditionRequested('european-arrest-warrant', 'DE', 'SE')])
      .when(record('arrested', '2024-08-15T06:00:00.000Z'))
      .then([reached('arrested', '2024-08-15T06:00:00.000Z', { deadlineAt: '2024-09-14T06:00:00.000Z', deadlineFor: 'decision' })]);
    given([caseOpened, personRegistered, extraditionRequested('european-arrest-warrant', 'DE', 'DK')])
      .when(record('arrested', '2024-08-15T06:00:00.000Z'))
      .then([reached('arrested', '2024-08-15T06:00:00.000Z', { deadlineAt: '2024-10-14T06:00:00.000Z', deadlineFor: 'decision' })]);
  });

  it('starts the hand-over deadline when a granted decision becomes final (NAW DK: 5 days)', () => {
    given([...naw, arrested, extraditionDecided('granted')]).when(record('decision-final', '2024-08-28T12:00:00.000Z'))
      .then([reached('decision-final', '2024-08-28T12:00:00.000Z', { deadlineAt: '2024-09-02T12:00:00.000Z', deadlineFor: 'hand-over' })]);
  });

  it('starts the 30-day window for the formal request on a DK provisional arrest', () => {
    given([caseOpened, personRegistered, extraditionRequested('third-country', 'US', 'DK')])
      .when(record('provisionally-arrested', '2024-08-20T06:00:00.000Z'))
      .then([reached('provisionally-arrested', '2024-08-20T06:00:00.000Z', { deadlineAt: '2024-09-19T06:00:00.000Z', deadlineFor: 'formal-request' })]);
  });

  it('follows the SE third-country order: Ministry of Justice, Prosecutor-General, Supreme Court', () => {
    given([...seThirdCountry, stageReached('request-received', '2024-08-16T08:00:00.000Z')])
      .when(record('prosecutor-general-opinion', '2024-08-26T08:00:00.000Z'))
      .then([reached('prosecutor-general-opinion', '2024-08-26T08:00:00.000Z')]);
  });

  it('cannot skip a required stage', () => {
    given(seThirdCountry).when(record('prosecutor-general-opinion', '2024-08-26T08:00:00.000Z')).thenThrows('EXTRADITION_STAGE_OUT_OF_ORDER');
  });

  it('cannot go backwards or repeat a stage', () => {
    const history = [...seThirdCountry, stageReached('request-received', '2024-08-16T08:00:00.000Z'), stageReached('prosecutor-general-opinion', '2024-08-26T08:00:00.000Z')];
    given(history).when(record('provisionally-arrested', '2024-08-27T08:00:00.000Z')).thenThrows('EXTRADITION_STAGE_OUT_OF_ORDER');
    given(history).when(record('request-received', '2024-08-27T08:00:00.000Z')).thenThrows('EXTRADITION_STAGE_OUT_OF_ORDER');
  });

  it('rejects a stage that is not part of the route', () => {
    given(naw).when(record('supreme-court-review', '2024-08-26T08:00:00.000Z')).thenThrows('EXTRADITION_STAGE_NOT_IN_ROUTE');
    given(naw).when(record('apprehended' as never, '2024-08-26T08:00:00.000Z')).thenThrows('INVALID_VALUE');
  });

  it('places decision-final only after a granted decision', () => {
    given([...naw, arrested]).when(record('decision-final', '2024-08-28T12:00:00.000Z')).thenThrows('EXTRADITION_STAGE_OUT_OF_ORDER');
    given([...naw, arrested, extraditionDecided('refused')]).when(record('decision-final', '2024-08-28T12:00:00.000Z')).thenThrows('EXTRADITION_NOT_GRANTED');
  });

  it('rejects a pre-decision stage once decided', () => {
    given([caseOpened, personRegistered, extraditionRequested('third-country', 'SE', 'TR'), extraditionDecided('refused')])
      .when(record('request-received', '2024-08-28T12:00:00.000Z'))
      .thenThrows('EXTRADITION_ALREADY_DECIDED');
  });

  it('rejects a stage dated before the previous one', () => {
    given([...seThirdCountry, stageReached('request-received', '2024-08-16T08:00:00.000Z')])
      .when(record('prosecutor-general-opinion', '2024-08-10T08:00:00.000Z'))
      .thenThrows('TIMESTAMP_OUT_OF_ORDER');
  });

  it('requires a requested extradition', () => {
    given([caseOpened, personRegistered]).when(record('arrested', '2024-08-15T06:00:00.000Z')).thenThrows('EXTRADITION_NOT_FOUND');
  });
});

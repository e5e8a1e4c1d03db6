import { describe, expect, it } from '@jest/globals';
import { CaseAccessDenied, CaseNotFound } from '../shared/domain-error.js';
import { given } from '../testing/given-when-then.js';
import {
  DETENTION_ID, EXTRADITION_ID, HANDLER_ID, PERSON_ID, by, caseClosed, caseOpened, command, detentionRecorded,
  handlerIdentified, sharedWith,
} from '../testing/case.fixtures.js';
import type { CaseCommand } from './case.commands.js';
import { CASE_EVENT_TYPES, type CaseEvent } from './case.events.js';
import { caseDecider, caseStreamId } from './case.decider.js';

const ev = { source: 'A', information: 1 } as const;

/** One well-formed example of every command except OpenCase, as `country`. */
function everyCommand(country: string): CaseCommand[] {
  const m = by(country);
  return [
    command('ShareCase', { partnerCountry: 'NO', level: 'read' }, m),
    command('RevokeSharing', { partnerCountry: 'NO' }, m),
    command('CloseCase', { reason: 'done' }, m),
    command('ReopenCase', { reason: 'again' }, m),
    command('RegisterPerson', { personId: 'p-9', category: 'witness', pseudonym: 'W' }, m),
    command('RecordNationality', { personId: PERSON_ID, country: 'SE', evaluation: ev }, m),
    command('RetractNationality', { personId: PERSON_ID, country: 'SE', reason: 'x' }, m),
    command('RecordDetention', { ...detentionRecorded.data, detentionId: 'd-9' }, m),
    command('ExtendCustody', { detentionId: DETENTION_ID, nextCustodyReviewAt: '2024-10-01T09:00:00Z' }, m),
    command('EndDetention', { detentionId: DETENTION_ID, outcome: 'released', endedAt: '2024-09-01T09:00:00Z' }, m),
    command('IdentifyHandlerAbroad', { ...handlerIdentified.data, handlerId: 'h-9' }, m),
    command('LinkHandlerToPerson', { handlerId: HANDLER_ID, personId: PERSON_ID, relation: 'paid' }, m),
    command('UpdateHandlerLocation', { handlerId: HANDLER_ID, believedCountry: 'AE', evaluation: ev }, m),
    command('RequestExtradition', { extraditionId: 'x-9', personId: PERSON_ID, requestingCountry: 'SE', requestedCountry: 'DK', route: 'nordic-arrest-warrant', sentAt: '2024-08-14T08:00:00Z' }, m),
    command('RecordExtraditionConsent', { extraditionId: EXTRADITION_ID, consentedAt: '2024-08-16T08:00:00Z' }, m),
    command('RecordExtraditionStage', { extraditionId: EXTRADITION_ID, stage: 'arrested', reachedAt: '2024-08-15T08:00:00Z' }, m),
    command('DecideExtradition', { extraditionId: EXTRADITION_ID, outcome: 'granted', grounds: 'x', decidedAt: '2024-08-20T08:00:00Z' }, m),
    command('RecordSurrender', { extraditionId: EXTRADITION_ID, surrenderedAt: '2024-08-21T08:00:00Z' }, m),
  ];
}

const OWNER_ONLY = ['ShareCase', 'RevokeSharing', 'CloseCase', 'ReopenCase'];

describe('case decider: access and lifecycle, across every command', () => {
  it.each(everyCommand('DK').map((c) => [c.type, c] as const))('%s on a case that does not exist is CASE_NOT_FOUND', (_, c) => {
    given([]).when(c).thenThrows('CASE_NOT_FOUND', CaseNotFound);
  });

  it.each(everyCommand('SE').map((c) => [c.type, c] as const))('%s by a read-only partner is denied', (type, c) => {
    given([caseOpened, sharedWith('SE', 'read')]).when(c)
      .thenThrows(OWNER_ONLY.includes(type) ? 'NOT_OWNER' : 'NOT_SHARED_FOR_CONTRIBUTION', CaseAccessDenied);
  });

  it.each(everyCommand('SE').filter((c) => OWNER_ONLY.includes(c.type)).map((c) => [c.type, c] as const))(
    '%s by a contributing partner is NOT_OWNER', (_, c) => {
      given([caseOpened, sharedWith('SE', 'contribute'), caseClosed]).when(c).thenThrows('NOT_OWNER', CaseAccessDenied);
    },
  );

  it.each(everyCommand('DK').filter((c) => c.type !== 'ReopenCase').map((c) => [c.type, c] as const))(
    '%s on a closed case is CASE_CLOSED', (_, c) => {
      given([caseOpened, caseClosed]).when(c).thenThrows('CASE_CLOSED');
    },
  );

  it('throws a plain Error (a bug, not a rejection) when metadata.now is not an instant', () => {
    const c = command('CloseCase', { reason: 'x' }, { ...by('DK'), now: 'yesterday' });
    expect(() => caseDecider.decide(c, caseDecider.evolve(caseDecider.initialState(), caseOpened))).toThrow(/metadata.now/);
  });

  it('refuses to fold an event type it does not know', () => {
    const unknown = { type: 'CaseRenamed', data: {} } as unknown as CaseEvent;
    expect(() => caseDecider.evolve(caseDecider.evolve(caseDecider.initialState(), caseOpened), unknown)).toThrow(/CaseRenamed/);
  });

  it('lists every event type once and names streams case-<id>', () => {
    expect(new Set(CASE_EVENT_TYPES).size).toBe(CASE_EVENT_TYPES.length);
    expect(caseStreamId('c-1')).toBe('case-c-1');
  });
});

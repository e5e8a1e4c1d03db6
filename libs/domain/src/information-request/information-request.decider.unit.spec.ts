import { describe, expect, it } from '@jest/globals';
import { InformationRequestAccessDenied, InformationRequestNotFound } from '../shared/domain-error.js';
import {
  REQUEST_ID, authorisationPending, by, clarificationRequested, fileData, givenRequest as given, informationProvided,
  informationRequested, requestCommand as command, requestWithdrawn,
} from '../testing/information-request.fixtures.js';
import {
  INFORMATION_REQUEST_COMMAND_TYPES, type InformationRequestCommand, type InformationRequestCommandType,
} from './information-request.commands.js';
import { INFORMATION_REQUEST_EVENT_TYPES, type InformationRequestEvent } from './information-request.events.js';
import { informationRequestDecider, informationRequestStreamId } from './information-request.decider.js';

/** Which side each follow-up belongs to: the mapped type makes tsc fail when a command is added without one. */
const SIDE: { [T in InformationRequestCommandType]: 'requesting' | 'requested' } = {
  FileInformationRequest: 'requesting', ProvideClarification: 'requesting', WithdrawRequest: 'requesting',
  AcknowledgeRequest: 'requested', RequestClarification: 'requested', NoteJudicialAuthorisationPending: 'requested',
  RecordJudicialAuthorisation: 'requested', ProvideInformation: 'requested', RefuseRequest: 'requested', ForwardRequest: 'requested',
};

/** One well-formed example of every command, as `country`. */
function everyCommand(country: string): { [T in InformationRequestCommandType]: Extract<InformationRequestCommand, { type: T }> } {
  const m = by(country);
  return {
    FileInformationRequest: command('FileInformationRequest', fileData, m),
    AcknowledgeRequest: command('AcknowledgeRequest', {}, m),
    RequestClarification: command('RequestClarification', { question: 'Which one?' }, m),
    ProvideClarification: command('ProvideClarification', { answer: 'That one' }, m),
    NoteJudicialAuthorisationPending: command('NoteJudicialAuthorisationPending', { expectedDelayDays: 3, reason: 'Court order' }, m),
    RecordJudicialAuthorisation: command('RecordJudicialAuthorisation', {}, m),
    ProvideInformation: command('ProvideInformation', { summary: 'Here it is' }, m),
    RefuseRequest: command('RefuseRequest', { grounds: [{ ground: 'a', reason: 'Not held' }] }, m),
    WithdrawRequest: command('WithdrawRequest', { reason: 'No longer needed' }, m),
    ForwardRequest: command('ForwardRequest', { authority: 'Københavns Politi' }, m),
  };
}
const followUps = (country: string) =>
  Object.values(everyCommand(country)).filter((c) => c.type !== 'FileInformationRequest').map((c) => [c.type, c] as const);
const bySide = (side: 'requesting' | 'requested') =>
  followUps(side === 'requesting' ? 'SE' : 'DK').filter(([type]) => SIDE[type] === side);

describe('information request decider: routing, existence, access and closing across every command', () => {
  it('lists every command type once, and routes each to its use case', () => {
    const sample = { ...everyCommand('SE'), ...Object.fromEntries(followUps('DK').filter(([t]) => SIDE[t] === 'requested')) };
    expect(Object.keys(sample).sort()).toEqual([...INFORMATION_REQUEST_COMMAND_TYPES].sort());
    expect(new Set(INFORMATION_REQUEST_COMMAND_TYPES).size).toBe(INFORMATION_REQUEST_COMMAND_TYPES.length);
    const routed: { [T in InformationRequestCommandType]: [InformationRequestEvent[], InformationRequestEvent['type']] } = {
      FileInformationRequest: [[], 'InformationRequested'],
      AcknowledgeRequest: [[informationRequested()], 'RequestAcknowledged'],
      RequestClarification: [[informationRequested()], 'ClarificationRequested'],
      ProvideClarification: [[informationRequested(), clarificationRequested()], 'ClarificationProvided'],
      NoteJudicialAuthorisationPending: [[informationRequested()], 'JudicialAuthorisationPending'],
      RecordJudicialAuthorisation: [[informationRequested(), authorisationPending()], 'JudicialAuthorisationObtained'],
      ProvideInformation: [[informationRequested()], 'InformationProvided'],
      RefuseRequest: [[informationRequested()], 'RequestRefused'],
      WithdrawRequest: [[informationRequested()], 'RequestWithdrawn'],
      ForwardRequest: [[informationRequested()], 'RequestForwardedTo'],
    };
    for (const c of Object.values(sample) as InformationRequestCommand[]) {
      const [history, eventType] = routed[c.type];
      const state = informationRequestDecider.fold(informationRequestDecider.initialState(), history);
      expect(informationRequestDecider.decide(c, state).map((e) => e.type)).toEqual([eventType]);
    }
    const unknown = { ...sample.WithdrawRequest, type: 'ForgetRequest' } as unknown as InformationRequestCommand;
    expect(() => informationRequestDecider.decide(unknown, informationRequestDecider.initialState())).toThrow(/Unknown information request command ForgetRequest/);
  });

  it.each([...followUps('SE'), ...followUps('DK')])('%s on a request that does not exist is INFORMATION_REQUEST_NOT_FOUND', (_, c) => {
    given([]).when(c).thenThrows('INFORMATION_REQUEST_NOT_FOUND', InformationRequestNotFound);
  });

  it.each(followUps('NO'))('%s by a third country is NOT_A_PARTY, even on a closed request', (_, c) => {
    given([informationRequested(), requestWithdrawn()]).when(c).thenThrows('NOT_A_PARTY', InformationRequestAccessDenied);
  });

  it.each(bySide('requesting').map(([t]) => [t, everyCommand('DK')[t]] as const))('%s by the requested country is NOT_THE_REQUESTING_COUNTRY', (_, c) => {
    given([informationRequested(), clarificationRequested()]).when(c).thenThrows('NOT_THE_REQUESTING_COUNTRY', InformationRequestAccessDenied);
  });

  it.each(bySide('requested').map(([t]) => [t, everyCommand('SE')[t]] as const))('%s by the requesting country is NOT_THE_REQUESTED_COUNTRY', (_, c) => {
    given([informationRequested(), authorisationPending()]).when(c).thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
  });

  it.each([...bySide('requesting'), ...bySide('requested')])('%s on a fully answered request is REQUEST_CLOSED', (_, c) => {
    given([informationRequested(), clarificationRequested(), authorisationPending(), informationProvided()]).when(c).thenThrows('REQUEST_CLOSED');
  });

  it.each([...bySide('requesting'), ...bySide('requested')])('%s naming another request in its body is INVALID_ID', (_, c) => {
    given([informationRequested(), clarificationRequested(), authorisationPending()])
      .when({ ...c, data: { ...c.data, requestId: 'another' } } as InformationRequestCommand).thenThrows('INVALID_ID');
  });

  it('throws a plain Error (a bug, not a rejection) when metadata.now is not an instant', () => {
    const c = command('WithdrawRequest', { reason: 'x' }, { ...by('SE'), now: 'yesterday' });
    expect(() => informationRequestDecider.decide(c, informationRequestDecider.evolve(informationRequestDecider.initialState(), informationRequested())))
      .toThrow(/metadata.now/);
  });

  it('refuses to fold an event type it does not know, and ignores events before the request', () => {
    const unknown = { type: 'RequestRenamed', data: {} } as unknown as InformationRequestEvent;
    const filed = informationRequestDecider.evolve(informationRequestDecider.initialState(), informationRequested());
    expect(() => informationRequestDecider.evolve(filed, unknown)).toThrow(/RequestRenamed/);
    expect(informationRequestDecider.evolve(informationRequestDecider.initialState(), requestWithdrawn())).toEqual({ exists: false });
  });

  it('lists every event type once and names streams information-request-<id>', () => {
    expect(new Set(INFORMATION_REQUEST_EVENT_TYPES).size).toBe(INFORMATION_REQUEST_EVENT_TYPES.length);
    expect(INFORMATION_REQUEST_EVENT_TYPES).toHaveLength(10);
    expect(informationRequestStreamId(REQUEST_ID)).toBe(`information-request-${REQUEST_ID}`);
  });
});

import { describe, expect, it } from '@jest/globals';
import { REFUSAL_GROUNDS, URGENCY_REASONS } from '../../../../libs/domain/src/information-request/information-request.events';
import type { InformationRequestEntry } from '../api/request-types';
import { REQUEST_STATUSES } from '../api/request-types';
import {
  directionText, groundLabel, pauseText, REFUSAL_GROUND_LABELS, requestClock, RULE_LABELS, STATUS_LABELS, stepText, strictestHandling,
  URGENCY_REASON_LABELS,
} from './labels';

const NOW = Date.parse('2026-12-06T21:00:00Z');

function entry(overrides: Partial<InformationRequestEntry>): InformationRequestEntry {
  return {
    requestId: 'r1', caseId: null, direction: 'incoming', requestingCountry: 'SE', requestedCountry: 'DK', counterpartCountry: 'SE',
    requestingAuthority: 'SPOC (fictional)', informationSought: 'x', purpose: 'y', urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity',
    access: 'direct', language: 'en', channel: 'siena', rule: '8h', timeZone: 'Europe/Copenhagen', receivedAt: '2026-12-06T20:00:00.000Z',
    originalDeadlineAt: '2026-12-07T04:00:00.000Z', deadlineAt: '2026-12-07T04:00:00.000Z', deadlineInForce: '2026-12-07T04:00:00.000Z',
    paused: false, pausedSince: null, clarificationPending: false, authorisationPending: false, status: 'acknowledged',
    expectedDelayDays: null, partiallyRefused: false, refusalGrounds: [], forwardedAt: null, forwardedTo: null, late: false, overdue: false,
    ...overrides,
  };
}

describe('request labels', () => {
  it('name every code of the domain\'s closed lists (Art. 6(1)(a)–(h), Art. 4(4)(a)–(d), Art. 5(1)(a)–(c)) and every status', () => {
    expect(Object.keys(REFUSAL_GROUND_LABELS)).toEqual([...REFUSAL_GROUNDS]);
    expect(Object.keys(URGENCY_REASON_LABELS)).toEqual([...URGENCY_REASONS]);
    expect(Object.values(URGENCY_REASON_LABELS).map((l) => l.slice(0, 14))).toEqual(['Art. 4(4)(a): ', 'Art. 4(4)(b): ', 'Art. 4(4)(c): ', 'Art. 4(4)(d): ']);
    expect(Object.keys(RULE_LABELS)).toEqual(['8h', '3d', '7d']);
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...REQUEST_STATUSES].sort());
    expect(groundLabel('c')).toBe('Art. 6(1)(c): the judicial authorisation required under the requested state\'s law (Art. 9) was refused');
    expect(directionText({ direction: 'outgoing', counterpartCountry: 'DK' })).toBe('Outgoing request to Denmark');
  });

  it('reads the clock: running, turning overdue when its deadline passes, paused with the reason, closed', () => {
    expect(requestClock(entry({}), NOW)).toMatchObject({ state: 'running', deadline: '2026-12-07T04:00:00.000Z' });
    expect(requestClock(entry({}), Date.parse('2026-12-07T04:00:01Z')).state).toBe('overdue');
    expect(requestClock(entry({ overdue: true, deadlineInForce: '2026-12-01T00:00:00.000Z' }), NOW)).toMatchObject({ state: 'overdue', deadline: '2026-12-01T00:00:00.000Z' });
    const paused = requestClock(entry({
      paused: true, pausedSince: '2026-12-03T21:00:00.000Z', authorisationPending: true, clarificationPending: true, status: 'clarification_pending',
      deadlineInForce: '2026-12-10T00:00:00.000Z',
    }), NOW);
    expect(paused).toMatchObject({ state: 'paused', pausedFor: ['clarification', 'authorisation'], pausedSince: '2026-12-03T21:00:00.000Z', deadline: '2026-12-07T04:00:00.000Z' });
    expect(pauseText(paused.pausedFor)).toBe('Paused: a clarification is pending (Art. 6(3)) and a judicial authorisation is awaited (Art. 5(2))');
    // A closed request never counts down, even past its deadline.
    for (const status of ['answered', 'refused', 'withdrawn'] as const) expect(requestClock(entry({ status }), Date.parse('2027-01-01T00:00:00Z')).state).toBe('closed');
    expect(requestClock(entry({ status: 'partially_answered' }), NOW).state).toBe('running');
  });

  it('prints under the strictest handling code of what is listed', () => {
    expect(strictestHandling(['H1', null, 'H2', 'H0'])).toBe('H2');
    expect(strictestHandling(['H3', 'H2'])).toBe('H3');
    expect(strictestHandling([null, undefined])).toBeNull();
    expect(strictestHandling([])).toBeNull();
  });

  it('tells each recorded step in words, with its facts', () => {
    expect(stepText({ type: 'RequestRefused', at: null, country: 'DK', detail: { grounds: [{ ground: 'a', reason: 'Not held (fictional)' }], partial: false } }))
      .toEqual({ what: 'Refused', detail: [`${groundLabel('a')} — Not held (fictional)`] });
    expect(stepText({ type: 'JudicialAuthorisationPending', at: null, country: 'SE', detail: { expectedDelayDays: 14, reason: 'Court order (fictional)' } }))
      .toEqual({ what: 'Judicial authorisation needed (Art. 5(2)): the requesting side told of the expected delay', detail: ['Expected delay: 14 days', 'Court order (fictional)'] });
    expect(stepText({ type: 'InformationProvided', at: null, country: 'DK', detail: { summary: 'Data', partial: true, late: true } }).what)
      .toBe('Part of the information provided after the deadline');
    expect(stepText({ type: 'RequestAcknowledged', at: null, country: 'DK', detail: {} })).toEqual({ what: 'Receipt acknowledged', detail: [] });
    const filed = stepText({ type: 'InformationRequested', at: null, country: 'SE', detail: { urgent: true, urgencyReason: 'imminent_risk_of_losing_relevance', access: 'indirect', deadlineRule: '3d', deadlineAt: '2026-12-09T20:00:00.000Z', channel: 'siena' } });
    expect(filed.detail.slice(0, 2)).toEqual([`Urgent — ${URGENCY_REASON_LABELS.imminent_risk_of_losing_relevance}`, `Information indirectly accessible · limit ${RULE_LABELS['3d']}`]);
    expect(filed.detail[3]).toBe('Channel: SIENA');
    expect(stepText({ type: 'SomethingNew', at: null, country: null, detail: {} }).what).toBe('Something New');
  });
});

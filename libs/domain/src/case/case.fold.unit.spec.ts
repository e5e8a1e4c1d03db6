import { describe, expect, it } from '@jest/globals';
import type { CaseEvent } from './case.events.js';
import { evolveCase, foldCase, initialCaseState, type CaseState } from './case.state.js';
import { CASE_ID, caseOpened } from '../testing/case.fixtures.js';

/** A long, mixed history touching every collection of the state, including the nested ones. */
function history(length: number, seed = 7): CaseEvent[] {
  let x = seed;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
  const ev = { source: 'B', information: 2 } as const;
  const countries = ['SE', 'DK', 'NO', 'FI', 'TR', 'IQ'];
  const events: CaseEvent[] = [caseOpened];
  let persons = 0, detentions = 0, handlers = 0, extraditions = 0;
  const add = (type: string, data: object) => events.push({ type, data: { caseId: CASE_ID, ...data } } as CaseEvent);
  while (events.length < length) {
    const p = `p-${rnd(persons + 1)}`;
    switch (rnd(16)) {
      case 0: add('CaseSharedWith', { partnerCountry: countries[rnd(4)], level: rnd(2) ? 'read' : 'contribute' }); break;
      case 1: add('CaseSharingRevoked', { partnerCountry: countries[rnd(4)] }); break;
      case 2: add('PersonRegistered', { personId: `p-${persons++}`, category: 'suspect', nationalities: [{ country: countries[rnd(6)], evaluation: ev }] }); break;
      case 3: add('NationalityRecorded', { personId: p, country: countries[rnd(6)], evaluation: ev }); break;
      case 4: add('NationalityRetracted', { personId: p, country: countries[rnd(6)] }); break;
      case 5: add('DetentionRecorded', { detentionId: `d-${detentions++}`, personId: p, holdingCountry: 'DK', detainedAt: '2024-08-01T00:00:00.000Z', nextCustodyReviewAt: '2024-09-01T00:00:00.000Z' }); break;
      case 6: add('CustodyExtended', { detentionId: `d-${rnd(detentions + 1)}`, nextCustodyReviewAt: `2024-10-0${1 + rnd(9)}T00:00:00.000Z` }); break;
      case 7: add('DetentionEnded', { detentionId: `d-${rnd(detentions + 1)}` }); break;
      case 8: add('HandlerAbroadIdentified', { handlerId: `h-${handlers++}`, believedCountry: countries[rnd(6)], evaluation: ev }); break;
      case 9: add('HandlerLinkedToPerson', { handlerId: `h-${rnd(handlers + 1)}`, personId: p, relation: 'recruited' }); break;
      case 10: add('HandlerLocationUpdated', { handlerId: `h-${rnd(handlers + 1)}`, believedCountry: countries[rnd(6)], evaluation: ev }); break;
      case 11: add('ExtraditionRequested', { extraditionId: `x-${extraditions++}`, personId: p, route: 'nordic-arrest-warrant', requestingCountry: 'SE', requestedCountry: 'DK' }); break;
      case 12: add('ExtraditionStageReached', { extraditionId: `x-${rnd(extraditions + 1)}`, stage: 'received', reachedAt: '2024-08-02T00:00:00.000Z' }); break;
      case 13: add(rnd(2) ? 'ProcessingRestricted' : 'RestrictionLifted', { personId: p, ground: 'kept-as-evidence', reason: 'r' }); break;
      case 14: add(rnd(2) ? 'RetentionReviewed' : 'PersonalDataRectified', { personId: p, keepUntil: '2026-01-01T00:00:00.000Z', field: 'name', value: rnd(2) ? null : 'N', reason: 'r' }); break;
      default: add(rnd(2) ? 'CaseClosed' : 'CaseReopened', {}); break;
    }
  }
  return events;
}

const oneByOne = (state: CaseState, events: readonly CaseEvent[]) => events.reduce(evolveCase, state);

describe('foldCase', () => {
  it('ends where evolving one event after another ends, on a long mixed history', () => {
    const events = history(3000);
    expect(foldCase(initialCaseState(), events)).toEqual(oneByOne(initialCaseState(), events));
  });

  it('continues from a state an earlier fold returned, and leaves that state as it was', () => {
    const events = history(2000, 11);
    const earlier = foldCase(initialCaseState(), events.slice(0, 1200));
    const before = structuredClone(earlier);
    const later = foldCase(earlier, events.slice(1200));
    expect(earlier).toEqual(before);
    expect(later).toEqual(oneByOne(initialCaseState(), events));
    // And evolve, one event at a time, never changes what it was given either.
    const next = evolveCase(later, events[1500]);
    expect(later).toEqual(oneByOne(initialCaseState(), events));
    expect(next).not.toBe(later);
  });

  it('folds nothing to the state it was given', () => {
    const state = foldCase(initialCaseState(), history(50));
    expect(foldCase(state, [])).toBe(state);
  });
});

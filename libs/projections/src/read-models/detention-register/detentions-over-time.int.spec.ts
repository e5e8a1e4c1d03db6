// Detentions over time answered from the hour counters (ADR 29) must equal the from-scratch binning
// of the visible rows, for every viewer, after every page of random histories: shares and revocations,
// detentions recorded again (another person, another start), ended, ended without a time,
// restrictions and lifts; instants on hour edges, on bucket edges and between them.
import { afterEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import type { JsonObject } from '@liaison/event-store';
import { EventLog } from '../../testing/event-fixtures.js';
import { memoryInstance } from '../../testing/projection-harness.js';
import { seededRandom } from '../../testing/workload.js';
import { detentionRegisterProjection } from './detention-register.projection.js';
import { binnedFromRows, detentionsOverTime, overTimeFromCounters, type OverTimeOptions } from './detentions-over-time.queries.js';

const VIEWERS = ['SE', 'DK', 'FI'];
const HOUR = 3_600_000;
const BASE = Date.parse('2025-03-03T00:00:00.000Z'); // a Monday

function history(seed: number, length: number, odd: boolean): EventLog {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  // Mostly whole hours (and so bucket edges), some a millisecond either side, some anywhere.
  const instant = (): number => {
    const h = BASE + Math.floor(rnd() * 24 * 60) * HOUR;
    const u = rnd();
    return u < 0.6 ? h : u < 0.7 ? h - 1 : u < 0.8 ? h + 1 : h + Math.floor(rnd() * HOUR);
  };
  const log = new EventLog();
  const starts = new Map<string, number>();
  const event = (caseId: string, type: string, data: JsonObject) => void log.append(`case-${caseId}`, type, { caseId, ...data });
  for (let i = 0; i < length; i++) {
    const caseId = pick(['a', 'b', 'c', 'd']);
    const personId = pick(['p1', 'p2', 'p3']);
    const detentionId = pick(['d1', 'd2', 'd3', 'd4', 'd5']);
    const u = rnd();
    if (u < 0.06) event(caseId, 'CaseOpened', { ownerCountry: pick(VIEWERS), title: 't', offenceCategory: 'homicide', handlingCode: 'H0', openedBy: 'o' });
    else if (u < 0.12) event(caseId, 'CaseSharedWith', { partnerCountry: pick(VIEWERS), level: 'read' });
    else if (u < 0.16) event(caseId, 'CaseSharingRevoked', { partnerCountry: pick(VIEWERS) });
    else if (u < 0.22) event(caseId, pick(['ProcessingRestricted', 'RestrictionLifted']), { personId, ground: 'kept-as-evidence', reason: 'r' });
    else if (u < 0.6) {
      const s = instant();
      starts.set(`${caseId}/${detentionId}`, s);
      event(caseId, 'DetentionRecorded', { detentionId, personId, holdingCountry: pick(['SE', 'DK']), facility: 'f',
        detainedAt: new Date(s).toISOString(), legalBasis: 'b', nextCustodyReviewAt: new Date(s).toISOString() });
    } else {
      const s = starts.get(`${caseId}/${detentionId}`) ?? BASE;
      // Ends at its start, on a later hour or between; an odd history also ends some before their start.
      const e = rnd() < 0.1 ? s : odd && rnd() < 0.2 ? s - HOUR : Math.max(s, instant());
      event(caseId, 'DetentionEnded', { detentionId, outcome: 'released', ...(rnd() < 0.9 ? { endedAt: new Date(e).toISOString() } : {}) });
    }
  }
  return log;
}

const at = (ms: number) => new Date(ms).toISOString();
/** Charts the counters can answer: whole-hour edges (the web app's zone-aligned weeks and days), with and without restricted persons. */
const CHARTS: OverTimeOptions[] = [
  { from: at(BASE), to: at(BASE + 8 * 7 * 24 * HOUR), bucket: 'week' },
  { from: at(BASE - 23 * HOUR), to: at(BASE + 61 * 24 * HOUR), bucket: 'day', includeRestricted: true },
  { from: at(BASE + 5 * HOUR + 7 * 24 * HOUR), to: at(BASE + 30 * 24 * HOUR), bucket: 'day' },
  { from: at(BASE + 17 * 24 * HOUR), to: at(BASE + 17 * 24 * HOUR), bucket: 'week', includeRestricted: true },
  { from: at(BASE - 3 * 7 * 24 * HOUR), to: at(BASE + 3 * 7 * 24 * HOUR), bucket: 'week' },
];

describe('detentions over time from hour counters', () => {
  const opened: ProjectionInstance[] = [];
  afterEach(() => opened.splice(0).forEach((rm) => rm.close()));
  const register = () => {
    const rm = memoryInstance(detentionRegisterProjection);
    opened.push(rm);
    return rm;
  };

  it.each([1, 2, 3, 4, 5, 6])('equals the binning of the visible rows after every page (history %i)', (seed) => {
    const log = history(seed, 500, false);
    const rnd = seededRandom(seed * 7);
    const rm = register();
    let nonZero = 0;
    for (let i = 0; i < log.events.length;) {
      rm.apply(log.events.slice(i, (i += 1 + Math.floor(rnd() * 25))));
      expect(rm.error).toBeUndefined();
      for (const country of VIEWERS) {
        for (const chart of CHARTS) {
          const counted = overTimeFromCounters(rm.db, { country }, chart);
          expect(counted).toEqual(binnedFromRows(rm.db, { country }, chart));
          nonZero += counted!.filter((b) => b.open > 0 || b.started > 0).length;
        }
      }
    }
    expect(nonZero).toBeGreaterThan(100);
  });

  it('leaves to the binning what the counters cannot answer exactly, with the same answer', () => {
    const rm = register();
    rm.apply(history(9, 400, true).events);
    const odd = VIEWERS.filter((country) => overTimeFromCounters(rm.db, { country }, CHARTS[0]) === undefined);
    expect(odd.length).toBeGreaterThan(0); // a viewer who sees a detention ending before it starts
    const chart = CHARTS[1];
    for (const country of VIEWERS) {
      for (const o of [chart, { ...chart, holdingCountry: 'DK' }, { ...chart, from: at(BASE + 30 * 60_000) }]) {
        expect(detentionsOverTime(rm.db, { country }, o)).toEqual(binnedFromRows(rm.db, { country }, o));
      }
      expect(overTimeFromCounters(rm.db, { country }, { ...chart, holdingCountry: 'DK' })).toBeUndefined();
      expect(overTimeFromCounters(rm.db, { country }, { ...chart, from: at(BASE + 30 * 60_000) })).toBeUndefined();
    }
  });
});

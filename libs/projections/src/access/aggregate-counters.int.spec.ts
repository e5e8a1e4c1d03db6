// The dashboard's aggregates are kept per viewer country as events arrive (ADR 27). This compares
// each maintained aggregate, after every page of random histories, with a from-scratch GROUP BY over
// the same read model's rows filtered by `visibleTo` (the queries as they were before the counters):
// for every viewer, with and without restricted persons, with filters, at several instants.
import { describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import type { JsonObject } from '@liaison/event-store';
import { EventLog } from '../testing/event-fixtures.js';
import { memoryInstance } from '../testing/projection-harness.js';
import { seededRandom } from '../testing/workload.js';
import { visibleTo } from './access-policy.js';
import { unrestricted } from '../read-models/shared/restrictions.js';
import { detentionRegisterProjection } from '../read-models/detention-register/detention-register.projection.js';
import { detentionCounts, detentionsOverTime } from '../read-models/detention-register/detention-register.queries.js';
import { handlersAbroadProjection } from '../read-models/handlers-abroad/handlers-abroad.projection.js';
import { handlerCountsByCountry } from '../read-models/handlers-abroad/handlers-abroad.queries.js';
import { extraditionTrackerProjection } from '../read-models/extradition-tracker/extradition-tracker.projection.js';
import { extraditionCounts } from '../read-models/extradition-tracker/extradition-tracker.queries.js';

const COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'DE'];
const NOWS = ['2025-01-01T00:00:00.000Z', '2025-02-15T12:00:00.000Z', '2025-04-01T00:00:00.000Z'];
const DAY = 86_400_000;

/** Random histories over few cases, persons and ids, so events collide: re-records, re-shares, lifts, retractions. */
function randomHistory(seed: number, length: number): EventLog {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const at = (): string => new Date(Date.parse('2025-01-01T00:00:00.000Z') + Math.floor(rnd() * 100) * DAY).toISOString();
  const log = new EventLog();
  const add = (type: string, data: JsonObject): void => void log.append(`case-${String(data.caseId)}`, type, data);
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  const [cases, persons, detentions, handlers, extraditions] = [ids('c', 4), ids('p', 4), ids('d', 6), ids('h', 3), ids('x', 3)];
  const maybe = (p: number, v: JsonObject): JsonObject => (rnd() < p ? v : {});
  const steps: [number, () => void][] = [
    [3, () => add('CaseOpened', { caseId: pick(cases), ownerCountry: pick(COUNTRIES), title: 't', offenceCategory: 'homicide', handlingCode: 'H0', openedBy: 'o' })],
    [3, () => add('CaseSharedWith', { caseId: pick(cases), partnerCountry: pick(COUNTRIES), level: pick(['read', 'contribute']) })],
    [2, () => add('CaseSharingRevoked', { caseId: pick(cases), partnerCountry: pick(COUNTRIES) })],
    [3, () => add('PersonRegistered', { caseId: pick(cases), personId: pick(persons), category: 'suspect', pseudonym: 'P',
      nationalities: COUNTRIES.filter(() => rnd() < 0.3).map((country) => ({ country, evaluation: { source: 'B', information: 2 } })) })],
    [3, () => add('NationalityRecorded', { caseId: pick(cases), personId: pick(persons), country: pick(COUNTRIES), evaluation: { source: 'B', information: 2 } })],
    [3, () => add('NationalityRetracted', { caseId: pick(cases), personId: pick(persons), country: pick(COUNTRIES), reason: 'r' })],
    [8, () => add('DetentionRecorded', { caseId: pick(cases), detentionId: pick(detentions), personId: pick(persons), holdingCountry: pick(COUNTRIES),
      facility: 'f', detainedAt: at(), legalBasis: 'b', nextCustodyReviewAt: at() })],
    [2, () => add('CustodyExtended', { caseId: pick(cases), detentionId: pick(detentions), nextCustodyReviewAt: at() })],
    [4, () => add('DetentionEnded', { caseId: pick(cases), detentionId: pick(detentions), outcome: 'released', ...maybe(0.9, { endedAt: at() }) })],
    [3, () => add('ProcessingRestricted', { caseId: pick(cases), personId: pick(persons), ground: 'kept-as-evidence', reason: 'r' })],
    [2, () => add('RestrictionLifted', { caseId: pick(cases), personId: pick(persons), reason: 'r' })],
    [1, () => add('PersonalDataErased', { caseId: pick(cases), personId: pick(persons), subject: 's', legalBasis: 'unlawful-processing', reason: 'r', erasedAt: at() })],
    [4, () => add('HandlerAbroadIdentified', { caseId: pick(cases), handlerId: pick(handlers), alias: 'a', believedCountry: pick(COUNTRIES), platforms: [],
      evaluation: { source: 'B', information: 2 } })],
    [3, () => add('HandlerLocationUpdated', { caseId: pick(cases), handlerId: pick(handlers), believedCountry: pick(COUNTRIES), evaluation: { source: 'A', information: 1 } })],
    [4, () => add('ExtraditionRequested', { caseId: pick(cases), extraditionId: pick(extraditions), personId: pick(persons), requestingCountry: pick(COUNTRIES),
      requestedCountry: pick(COUNTRIES), route: pick(['nordic-arrest-warrant', 'european-arrest-warrant', 'third-country']), sentAt: at() })],
    [2, () => add('ExtraditionConsentRecorded', { caseId: pick(cases), extraditionId: pick(extraditions), consentedAt: at(), ...maybe(0.7, { decisionDeadlineAt: at() }) })],
    [4, () => add('ExtraditionStageReached', { caseId: pick(cases), extraditionId: pick(extraditions), stage: pick(['arrested', 'hearing-held', 'decision-final']),
      reachedAt: at(), ...maybe(0.7, { deadlineAt: at(), deadlineFor: pick(['decision', 'hand-over', 'formal-request']) }) })],
    [2, () => add('ExtraditionDecided', { caseId: pick(cases), extraditionId: pick(extraditions), outcome: pick(['granted', 'refused']), grounds: 'g', decidedAt: at() })],
    [1, () => add('PersonSurrendered', { caseId: pick(cases), extraditionId: pick(extraditions), personId: pick(persons), surrenderedAt: at() })],
  ];
  const total = steps.reduce((n, [w]) => n + w, 0);
  for (let i = 0; i < length; i++) {
    let u = rnd() * total;
    steps.find(([w]) => (u -= w) < 0)![1]();
  }
  return log;
}

// The queries as they were before the counters: a GROUP BY over the visible rows.
const v = { viewerCountry: '' };
const groupedDetentions = (db: Database.Database, country: string, o: { includeRestricted?: boolean; holdingCountry?: string; nationality?: string }) =>
  db.prepare(`SELECT n.country AS nationality, d.holding_country AS holdingCountry, COUNT(*) AS count
    FROM dr_detentions d LEFT JOIN dr_nationalities n ON n.case_id = d.case_id AND n.person_id = d.person_id
    WHERE d.ended_at IS NULL AND ${visibleTo('d')} ${o.includeRestricted ? '' : `AND ${unrestricted('d')}`}
      ${o.holdingCountry ? 'AND d.holding_country = @h' : ''} ${o.nationality ? 'AND n.country = @n' : ''}
    GROUP BY n.country, d.holding_country ORDER BY n.country, d.holding_country`)
    .all({ ...v, viewerCountry: country, ...(o.holdingCountry ? { h: o.holdingCountry } : {}), ...(o.nationality ? { n: o.nationality } : {}) });
const groupedHandlers = (db: Database.Database, country: string) =>
  db.prepare(`SELECT h.believed_country AS believedCountry, COUNT(*) AS count FROM ha_handlers h
    WHERE ${visibleTo('h')} GROUP BY h.believed_country ORDER BY count DESC, believedCountry`).all({ viewerCountry: country });
const groupedExtraditions = (db: Database.Database, country: string, now: string) =>
  db.prepare(`SELECT e.route, ifnull(e.stage, 'requested') AS stage, COUNT(*) AS count, ifnull(SUM(e.deadline_at < @now), 0) AS overdue
    FROM et_extraditions e WHERE e.status = 'open' AND ${visibleTo('e')}
    GROUP BY e.route, ifnull(e.stage, 'requested') ORDER BY e.route, stage`).all({ viewerCountry: country, now });

/** The chart as it was computed before (every visible row to JavaScript, sorted): the reference for the binning in SQL. */
function overTimeByRows(db: Database.Database, country: string, o: { from: string; to: string; bucket: 'day' | 'week'; includeRestricted?: boolean }) {
  const from = Date.parse(o.from);
  const step = o.bucket === 'week' ? 7 * DAY : DAY;
  const count = Math.floor((Date.parse(o.to) - from) / step) + 1;
  const rows = db.prepare(`SELECT d.detained_at AS s, d.ended_at AS e FROM dr_detentions d WHERE d.detained_at < @end
    AND (d.ended_at IS NULL OR d.ended_at > @from) AND ${visibleTo('d')} ${o.includeRestricted ? '' : `AND ${unrestricted('d')}`}`)
    .all({ viewerCountry: country, end: new Date(from + count * step).toISOString(), from: o.from }) as { s: string; e: string | null }[];
  const starts = rows.map((r) => Date.parse(r.s));
  const ends = rows.flatMap((r) => (r.e === null ? [] : [Date.parse(r.e)]));
  const atMost = (xs: number[], x: number) => xs.filter((v) => v <= x).length;
  return Array.from({ length: count }, (_, i) => {
    const t = from + i * step;
    return { at: new Date(t).toISOString(), open: atMost(starts, t) - atMost(ends, t), started: atMost(starts, t + step - 1) - atMost(starts, t - 1) };
  });
}

describe('aggregates kept per viewer country equal a from-scratch GROUP BY over the visible rows', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random history %i, every viewer, after every page', (seed) => {
    const log = randomHistory(seed, 600);
    const rnd = seededRandom(seed * 31);
    const dr = memoryInstance(detentionRegisterProjection);
    const ha = memoryInstance(handlersAbroadProjection);
    const et = memoryInstance(extraditionTrackerProjection);
    try {
      let compared = 0;
      for (let i = 0; i < log.events.length;) {
        const page = log.events.slice(i, (i += 1 + Math.floor(rnd() * 40)));
        for (const rm of [dr, ha, et]) rm.apply(page);
        expect([dr.error, ha.error, et.error]).toEqual([undefined, undefined, undefined]);
        for (const country of COUNTRIES) {
          for (const o of [{}, { includeRestricted: true }, { holdingCountry: 'DK' }, { nationality: 'SE', includeRestricted: true }]) {
            expect(detentionCounts(dr.db, { country }, o)).toEqual(groupedDetentions(dr.db, country, o));
          }
          expect(handlerCountsByCountry(ha.db, { country })).toEqual(groupedHandlers(ha.db, country));
          for (const now of NOWS) expect(extraditionCounts(et.db, { country }, { now })).toEqual(groupedExtraditions(et.db, country, now));
          // Bucket edges on the detentions' own instants (midnight) and between them; days and weeks.
          for (const chart of [
            { from: '2025-01-01T00:00:00.000Z', to: '2025-04-15T00:00:00.000Z', bucket: 'week' as const },
            { from: '2025-01-20T13:30:00.001Z', to: '2025-03-01T00:00:00.000Z', bucket: 'day' as const, includeRestricted: true },
          ]) expect(detentionsOverTime(dr.db, { country }, chart)).toEqual(overTimeByRows(dr.db, country, chart));
          compared++;
        }
      }
      // The histories are not trivial: something was counted, restricted persons were left out, overdue requests seen.
      const all = (f: (c: string) => unknown[]) => COUNTRIES.flatMap(f);
      expect(all((c) => detentionCounts(dr.db, { country: c })).length).toBeGreaterThan(0);
      expect(all((c) => groupedDetentions(dr.db, c, { includeRestricted: true })).length).toBeGreaterThan(0);
      expect(all((c) => handlerCountsByCountry(ha.db, { country: c })).length).toBeGreaterThan(0);
      expect(compared).toBeGreaterThan(50);
    } finally {
      for (const rm of [dr, ha, et]) rm.close();
    }
  });
});

// The reviews query reads only persons registered before a bound derived from the policy's shortest
// period (and reviewed persons by keepUntil), not every person. This checks, on month ends and leap
// days, that the bound never drops a person whose review is due: the answer equals the date computed
// for every person, with no bound, for many instants, windows and policies.
import { describe, expect, it, jest } from '@jest/globals';
import type { Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import { memoryInstance } from '../../testing/projection-harness.js';
import { seededRandom } from '../../testing/workload.js';
import { retentionReviewsProjection } from './retention-reviews.projection.js';
import { retentionReviewsDue, type RetentionPolicy } from './retention-reviews.queries.js';

const DAY = 86_400_000;
const CATEGORIES = ['suspect', 'victim', 'witness'];

function at(position: number, type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent {
  return { id: `e-${position}`, streamId: `case-${String(data.caseId)}`, type, data: data as never, revision: 0n, position: BigInt(position), recordedAt: occurredAt,
    metadata: { actor: 'o', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt } };
}

describe('retention reviews read only the persons that can be due', () => {
  it('answers exactly as computing every person\'s date, around month ends and leap days', () => {
    const rnd = seededRandom(27);
    const rm = memoryInstance(retentionReviewsProjection);
    try {
      const events: RecordedEvent[] = [at(1, 'CaseOpened', { caseId: 'c', ownerCountry: 'SE', title: 't', offenceCategory: 'homicide', handlingCode: 'H1' }, '2023-01-01T00:00:00.000Z')];
      // Registrations on the last days of months, and at random, from 2023 to 2026; some reviewed.
      for (let i = 0; i < 600; i++) {
        const base = Date.UTC(2023, Math.floor(rnd() * 40), i % 3 === 0 ? 0 : 1 + Math.floor(rnd() * 28), Math.floor(rnd() * 24));
        const registered = new Date(base - (i % 3 === 0 ? Math.floor(rnd() * 3) * DAY : 0)).toISOString();
        events.push(at(events.length + 1, 'PersonRegistered', { caseId: 'c', personId: `p-${i}`, category: CATEGORIES[i % 3], nationalities: [] }, registered));
        if (rnd() < 0.2) events.push(at(events.length + 1, 'RetentionReviewed', { caseId: 'c', personId: `p-${i}`, keepUntil: new Date(base + rnd() * 900 * DAY).toISOString(), reason: 'r' }, registered));
      }
      rm.apply(events);
      expect(rm.error).toBeUndefined();
      const everyDate = (policy: RetentionPolicy, now: string, withinDays: number) => rm.db.prepare(`SELECT person_id FROM (SELECT person_id,
          coalesce(keep_until, strftime('%Y-%m-%dT%H:%M:%fZ', registered_at, '+' || json_extract(@policy, '$.' || category) || ' months')) AS due
        FROM rr_persons) WHERE due < @horizon ORDER BY due, person_id`).pluck()
        .all({ policy: JSON.stringify(policy.defaults), horizon: new Date(Date.parse(now) + withinDays * DAY).toISOString() });
      const policies: RetentionPolicy[] = [
        { defaults: { suspect: 36, victim: 12, witness: 1 }, byCountry: {} },
        { defaults: { suspect: 13, victim: 2, witness: 25 }, byCountry: {} },
        { defaults: { suspect: 12, victim: 12, witness: 12 }, byCountry: {} },
      ];
      let listed = 0;
      for (const policy of policies) {
        for (let k = 0; k < 40; k++) {
          const now = new Date(Date.UTC(2023, 2, 1) + Math.floor(rnd() * 1400) * DAY + Math.floor(rnd() * DAY)).toISOString();
          const withinDays = [0, 1, 30, 90][k % 4];
          const answer = retentionReviewsDue(rm.db, { country: 'SE' }, { now, policy, withinDays, limit: 500 }).map((r) => r.personId);
          expect(answer).toEqual(everyDate(policy, now, withinDays).slice(0, 500));
          listed += answer.length;
        }
      }
      expect(listed).toBeGreaterThan(1000);
    } finally {
      rm.close();
    }
  });

  it('reads persons through the index ranges, never by scanning the cases', () => {
    const rm = memoryInstance(retentionReviewsProjection);
    try {
      // Cases of many persons, with the planner's statistics, as a built file gets them (ProjectionInstance.optimize).
      const events: RecordedEvent[] = [];
      for (let c = 0; c < 40; c++) {
        events.push(at(events.length + 1, 'CaseOpened', { caseId: `c${c}`, ownerCountry: 'SE', title: 't', offenceCategory: 'homicide', handlingCode: 'H1' }, '2024-01-01T00:00:00.000Z'));
        for (let p = 0; p < 100; p++) events.push(at(events.length + 1, 'PersonRegistered', { caseId: `c${c}`, personId: `p${p}`, category: CATEGORIES[p % 3], nationalities: [] }, '2025-12-01T00:00:00.000Z'));
      }
      rm.apply(events);
      for (const sql of retentionReviewsProjection.indexes ?? []) rm.db.exec(sql);
      rm.db.pragma('analysis_limit = 1000'); rm.db.pragma('optimize = 0x10002');
      // The statement the query ran, and what it was run with.
      const all = jest.spyOn(Object.getPrototypeOf(rm.db.prepare('SELECT 1')) as Statement, 'all');
      const policy: RetentionPolicy = { defaults: { suspect: 36, victim: 12 }, byCountry: { DK: { witness: 6 } } };
      retentionReviewsDue(rm.db, { country: 'SE' }, { now: '2026-01-01T00:00:00.000Z', policy });
      const statements = all.mock.contexts as Statement[];
      const k = statements.findIndex((statement) => statement.source.includes('rr_persons'));
      const [source, args] = [statements[k].source, all.mock.calls[k]];
      all.mockRestore();
      const plan = (rm.db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...args) as { detail: string }[]).map((r) => r.detail);
      // One range per category the policy names (three here), each with its case looked up by key.
      expect(plan.filter((d) => d.startsWith('SEARCH rr_persons USING INDEX rr_by_category_registered'))).toHaveLength(3);
      expect(plan.filter((d) => /^SCAN (m|rr_persons|case_meta)\b/.test(d))).toEqual([]);
    } finally {
      rm.close();
    }
  });
});

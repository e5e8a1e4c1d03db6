// The live loop refreshes the query planner's statistics of its files while caught up, so plans follow
// read models as they grow (SQLite re-analyzes a table whose size changed many times over).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from '@jest/globals';
import { casesProjection } from '../read-models/cases/cases.projection.js';
import { generateWorkload } from '../testing/workload.js';
import { appendAll, tempStore, type TempStore } from '../testing/projection-harness.js';
import { ProjectionRunner } from './projection-runner.js';

describe('ProjectionRunner planner statistics', () => {
  let t: TempStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  const rowsAnalyzed = (file: string): number => {
    const db = new Database(file, { readonly: true });
    try {
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get()) return 0;
      const stat = db.prepare("SELECT stat FROM sqlite_stat1 WHERE tbl = 'cases' AND idx = 'cases'").pluck().get() as string | undefined;
      return stat === undefined ? 0 : Number(stat.split(' ')[0]);
    } finally {
      db.close();
    }
  };

  it('re-analyzes a read model that grew many times over, once the refresh interval has passed', async () => {
    t = tempStore();
    const log = generateWorkload({ cases: 80, seed: 4 });
    const firstTwo = new Set([...new Set(log.events.map((e) => e.streamId))].slice(0, 2));
    await appendAll(t.store, log.events.filter((e) => firstTwo.has(e.streamId)));
    const runner = new ProjectionRunner({ store: t.store, dir: t.readModelDir, projections: [casesProjection], fallbackPollMs: 20, optimizeEveryMs: 100 });
    runner.start();
    try {
      expect(await runner.waitForPosition(await t.store.headPosition(), 10_000)).toBe(true);
      const file = runner.instance('cases').file;
      while (rowsAnalyzed(file) === 0) await new Promise((r) => setTimeout(r, 20));
      expect(rowsAnalyzed(file)).toBe(2);

      const head = await appendAll(t.store, log.events.filter((e) => !firstTwo.has(e.streamId)));
      expect(await runner.waitForPosition(head, 10_000)).toBe(true);
      const deadline = Date.now() + 10_000;
      while (rowsAnalyzed(file) < 80 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(rowsAnalyzed(file)).toBe(80);
    } finally {
      await runner.stop();
    }
  });
});

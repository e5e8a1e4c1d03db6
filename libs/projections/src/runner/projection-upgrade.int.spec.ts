// A read model whose code has a newer version than its file, with a new table and an index on it: the
// service must start (the old file's schema lacks the table), answer "rebuilding" rather than serve the
// old file, and come back with the new schema once it has caught up.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionRegistry } from './projection-files.js';
import { generateWorkload } from '../testing/workload.js';
import { appendAll, runUntil, tempStore, type TempStore } from '../testing/projection-harness.js';

const v1: Projection = {
  name: 'counting', version: 1, canHandle: ['CaseOpened'],
  setup: (db) => db.exec('CREATE TABLE opened(case_id TEXT PRIMARY KEY)'),
  evolve: (rm, e) => void rm.stmt('INSERT OR IGNORE INTO opened(case_id) VALUES (?)').run(e.data.caseId),
};
// v2 adds a table, and a query index on it that a v1 file cannot take.
const v2: Projection = {
  ...v1, version: 2,
  setup: (db) => db.exec('CREATE TABLE opened(case_id TEXT PRIMARY KEY); CREATE TABLE owners(case_id TEXT PRIMARY KEY, country TEXT)'),
  indexes: ['CREATE INDEX IF NOT EXISTS owners_by_country ON owners(country)'],
  evolve: (rm, e) => {
    rm.stmt('INSERT OR IGNORE INTO opened(case_id) VALUES (?)').run(e.data.caseId);
    rm.stmt('INSERT OR REPLACE INTO owners(case_id, country) VALUES (?, ?)').run(e.data.caseId, e.data.ownerCountry);
  },
};

describe('ProjectionRunner on a read model of an older version', () => {
  let t: TempStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('starts, reports it as rebuilding instead of serving the old file, and catches up with the new schema', async () => {
    t = tempStore();
    const head = await appendAll(t.store, generateWorkload({ cases: 30, seed: 3 }).events);
    await runUntil(t.store, t.readModelDir, [v1], head);
    const oldFile = new ProjectionRegistry(t.readModelDir).active('counting')!.file;

    const runner = new ProjectionRunner({ store: t.store, dir: t.readModelDir, projections: [v2], fallbackPollMs: 20 });
    runner.start();
    try {
      // Nothing of the v1 file is served: read-your-writes waits for the v2 build.
      expect(runner.status()[0]).toMatchObject({ version: 2, recovering: true });
      expect(await runner.waitForPosition(head, 20_000)).toBe(true);
      const owners = runner.snapshot('counting', (db) => db.prepare('SELECT COUNT(*) FROM owners').pluck().get() as number);
      expect(owners.data).toBe(30);
      expect(runner.status()[0].recovering).toBeUndefined();
    } finally {
      await runner.stop();
    }
    const registry = new ProjectionRegistry(t.readModelDir);
    expect(registry.active('counting')).toMatchObject({ version: 2 });
    expect(registry.active('counting')!.file).not.toBe(oldFile);
    const db = new Database(`${t.readModelDir}/${registry.active('counting')!.file}`, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'owners_by_country'").pluck().get()).toBe('owners_by_country');
    db.close();
  });
});

// A snapshot only shortens the replay: every reproduced answer is the same with and without snapshots,
// over random histories and positions, at a snapshot's own position and just past it, and when a
// snapshot is damaged, of another projection version or from before an erasure.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '@liaison/event-store';
import { ALL_PROJECTIONS, ProjectionInstance, type CaseDataAccessedData } from '@liaison/projections';
import { appendAll, tempStore, type TempStore } from '../../../../../libs/projections/src/testing/projection-harness.js';
import { generateWorkload, seededRandom } from '../../../../../libs/projections/src/testing/workload.js';
import { QUERY_CATALOG, runRecordedQuery, type QueryName } from '../../access/query-catalog.js';
import { reproduceAccess } from '../access-view/reproduce-access.js';
import { foldOn } from '../access-view/replay-read-model.js';
import { SnapshotFolder } from './snapshot-folder.js';
import { takeSnapshots } from './take-snapshots.js';

const NOW = '2025-01-15T12:00:00.000Z';
const ASKED: [QueryName, JsonObject][] = [
  ['listCases', { limit: 200 }], ['currentDetentions', { limit: 200 }], ['detentionCounts', {}],
  ['listHandlers', { limit: 200 }], ['openExtraditions', { limit: 200 }], ['deadlinesBoard', { limit: 200 }],
];

const record = (query: QueryName, params: JsonObject, readAt: bigint, viewerCountry: string): CaseDataAccessedData => ({
  entryId: `e-${query}-${readAt}`, accessedAt: NOW, officer: { subject: 'auditor', country: viewerCountry, issuer: 'https://idp.test' }, purpose: 'spec',
  fieldsClass: 'personal', route: `GET ${query}`, readModel: QUERY_CATALOG[query].projection, query, params, viewerCountry,
  readAt: readAt.toString(), now: NOW, caseIds: [], resultCount: null, answerSha256: '',
});

describe('reproducing an access from read-model snapshots', () => {
  let ts: TempStore;
  let head: bigint;
  let folder: SnapshotFolder;
  const models = [...new Set(ASKED.map(([q]) => QUERY_CATALOG[q].projection))].map((n) => ALL_PROJECTIONS.find((p) => p.name === n)!);

  beforeAll(async () => {
    ts = tempStore('liaison-snapshots-');
    head = await appendAll(ts.store, generateWorkload({ cases: 40, seed: 28 }).events);
    folder = new SnapshotFolder(path.join(ts.dir, 'snapshots'));
    const run = await takeSnapshots(ts.store, folder, models, { every: 97, budgetBytes: 1e9 });
    expect(run).toMatchObject({ pruned: 0, discarded: false });
    expect(run.written).toBeGreaterThan(models.length * 3);
  }, 60_000);
  afterAll(() => ts.cleanup());

  /** The answer with snapshots, and the same from position 0 (the reproduction's fold, and every event of the log folded). */
  async function both(query: QueryName, params: JsonObject, readAt: bigint, country: string) {
    const r = record(query, params, readAt, country);
    const [withSnapshots, fromZero] = [await reproduceAccess(ts.store, r, folder), await reproduceAccess(ts.store, r)];
    const everyEvent = new ProjectionInstance(ALL_PROJECTIONS.find((p) => p.name === r.readModel)!, ':memory:');
    await foldOn(ts.store, everyEvent, readAt);
    const data = runRecordedQuery(query, { db: everyEvent.db, viewer: { country }, now: NOW }, params);
    everyEvent.close();
    expect(fromZero.answer).toEqual({ readAt: readAt.toString(), data });
    return { withSnapshots: withSnapshots.answer, fromZero: fromZero.answer, hashes: [withSnapshots.answerSha256, fromZero.answerSha256] };
  }

  it('gives the same answers as a replay from position 0, at random positions', async () => {
    const random = seededRandom(2028);
    for (let i = 0; i < 40; i++) {
      const [query, params] = ASKED[Math.floor(random() * ASKED.length)];
      const readAt = BigInt(Math.floor(random() * Number(head + 1n)));
      const { withSnapshots, fromZero, hashes } = await both(query, params, readAt, random() < 0.5 ? 'SE' : 'DK');
      expect(withSnapshots).toEqual(fromZero);
      expect(hashes[0]).toBe(hashes[1]);
    }
  }, 120_000);

  it('gives the same answer at a snapshot\'s own position and just past it', async () => {
    const model = QUERY_CATALOG.listCases.projection;
    const snapshots = folder.list(model, ALL_PROJECTIONS.find((p) => p.name === model)!.version);
    const at = snapshots[Math.floor(snapshots.length / 2)].position;
    for (const readAt of [at, at + 1n, at - 1n]) {
      const { withSnapshots, fromZero } = await both('listCases', { limit: 200 }, readAt, 'SE');
      expect(withSnapshots).toEqual(fromZero);
      expect((withSnapshots.data as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }
  });

  it('prunes to its disk budget, keeping the newest of each read model, and still gives the same answers', async () => {
    const pruned = new SnapshotFolder(path.join(ts.dir, 'pruned'));
    const full = await takeSnapshots(ts.store, pruned, models, { every: 97, budgetBytes: 1e9 });
    const newest = models.map((m) => pruned.list(m.name, m.version).pop()!.position);
    const budget = Math.floor(full.bytes / 2);
    const run = await takeSnapshots(ts.store, pruned, models, { every: 97, budgetBytes: budget });
    expect(run.pruned).toBeGreaterThan(0);
    expect(run.bytes).toBeLessThanOrEqual(budget);
    expect(models.map((m) => pruned.list(m.name, m.version).pop()!.position)).toEqual(newest);
    for (const readAt of [head / 3n, head / 2n, head - 5n]) {
      const r = record('currentDetentions', { limit: 200 }, readAt, 'SE');
      expect((await reproduceAccess(ts.store, r, pruned)).answer).toEqual((await reproduceAccess(ts.store, r)).answer);
    }
  });

  it('skips (and deletes) a damaged snapshot and still gives the same answer', async () => {
    const cases = ALL_PROJECTIONS.find((p) => p.name === 'cases')!;
    const damaged = folder.list(cases.name, cases.version).pop()!;
    writeFileSync(damaged.file, Buffer.from('not a database'));
    const { withSnapshots, fromZero } = await both('listCases', { limit: 200 }, head, 'DK');
    expect(withSnapshots).toEqual(fromZero);
    expect(folder.list(cases.name, cases.version).map((s) => s.position)).not.toContain(damaged.position);
  });

  it('never reads a snapshot of another projection version, nor one from before an erasure', async () => {
    const cases = ALL_PROJECTIONS.find((p) => p.name === 'cases')!;
    expect(folder.list(cases.name, cases.version).length).toBeGreaterThan(0);
    folder.dropStale(new Map([[cases.name, cases.version + 1]]));
    expect(folder.list(cases.name, cases.version)).toEqual([]);
    const register = ALL_PROJECTIONS.find((p) => p.name === 'detention-register')!;
    expect(folder.list(register.name, register.version).length).toBeGreaterThan(0);
    const generation = folder.generation();
    folder.startGeneration(head);
    expect(folder.list(register.name, register.version)).toEqual([]);
    expect(readdirSync(folder.root)).not.toContain(`g${generation}`);
    // A run that began before the erasure keeps nothing it writes.
    expect(await folder.write(generation, register.name, register.version, 5n, async (tmp) => writeFileSync(tmp, 'x'))).toBe(false);
  });
});

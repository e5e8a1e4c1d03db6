// Folds for snapshots and reproductions run in scratch files (ADR 28), which hold personal data in
// clear: none outlives its use, a crash's leftovers go at the next start, an erasure's new generation
// deletes them at once, and a stored snapshot is only ever copied, never written to.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_PROJECTIONS, type CaseDataAccessedData } from '@liaison/projections';
import { appendAll, tempStore, type TempStore } from '../../../../../libs/projections/src/testing/projection-harness.js';
import { generateWorkload } from '../../../../../libs/projections/src/testing/workload.js';
import type { AppConfig } from '../../config/app.config.js';
import { QUERY_CATALOG } from '../../access/query-catalog.js';
import { reproduceAccess } from '../access-view/reproduce-access.js';
import { emptyModel, foldOn, fromSnapshot } from '../access-view/replay-read-model.js';
import { SnapshotFolder } from './snapshot-folder.js';
import { SnapshotKeeper } from './snapshot-keeper.js';
import { takeSnapshots } from './take-snapshots.js';

const cases = ALL_PROJECTIONS.find((p) => p.name === 'cases')!;
const register = ALL_PROJECTIONS.find((p) => p.name === 'detention-register')!;

/** Every file under the folder that is not a stored snapshot or the marker: scratch copies, half-written images. */
function leftovers(folder: SnapshotFolder): string[] {
  const all = readdirSync(folder.root, { recursive: true }).map(String);
  return all.filter((f) => /\.scratch\/.|\.tmp/.test(f));
}

/** Each stored snapshot's bytes still hash to the SHA-256 in its name. */
function storedIntact(folder: SnapshotFolder): boolean {
  return [cases, register].flatMap((p) => folder.list(p.name, p.version))
    .every((s) => createHash('sha256').update(readFileSync(s.file)).digest('hex') === s.sha256);
}

const access = (readAt: bigint): CaseDataAccessedData => ({
  entryId: `e-${readAt}`, accessedAt: '2025-01-15T12:00:00.000Z', officer: { subject: 'auditor', country: 'SE', issuer: 'https://idp.test' }, purpose: 'spec',
  fieldsClass: 'personal', route: 'GET listCases', readModel: QUERY_CATALOG.listCases.projection, query: 'listCases', params: { limit: 50 },
  viewerCountry: 'SE', readAt: readAt.toString(), now: '2025-01-15T12:00:00.000Z', caseIds: [], resultCount: null, answerSha256: '',
});

describe('snapshot scratch files', () => {
  let ts: TempStore;
  let head: bigint;
  let n = 0;
  const freshFolder = () => new SnapshotFolder(path.join(ts.dir, `snapshots-${n++}`, 'snapshots'));

  beforeAll(async () => {
    ts = tempStore('liaison-snapshot-scratch-');
    head = await appendAll(ts.store, generateWorkload({ cases: 15, seed: 32 }).events);
  }, 60_000);
  afterAll(() => ts.cleanup());

  it('given a snapshot run and reproductions from its snapshots, when they end, then no scratch file is left and every stored snapshot is unchanged', async () => {
    const folder = freshFolder();
    const run = await takeSnapshots(ts.store, folder, [cases, register], { every: 60, budgetBytes: 1e9 });
    expect(run.written).toBeGreaterThan(2);
    for (const readAt of [head / 3n, head / 2n, head]) await reproduceAccess(ts.store, access(readAt), folder);
    // A second run folds on from the newest snapshot (a copy of it) to a head that moved.
    await takeSnapshots(ts.store, folder, [cases, register], { every: 60, budgetBytes: 1e9 });
    expect(leftovers(folder)).toEqual([]);
    expect(storedIntact(folder)).toBe(true);
  });

  it('given folds cut off by a crash and a half-written snapshot, when the service starts, then they are deleted and the snapshots kept', async () => {
    const folder = freshFolder();
    await takeSnapshots(ts.store, folder, [cases], { every: 60, budgetBytes: 1e9 });
    const stored = folder.list(cases.name, cases.version);
    // Given: a reproduction's copy and a run's fold never closed (the thread died), and an image mid-write.
    const copy = (await fromSnapshot(folder, cases, head))!;
    const fold = emptyModel(register, folder);
    await foldOn(ts.store, fold, head / 2n);
    writeFileSync(path.join(path.dirname(stored[0].file), `${head}.${process.pid}.1.tmp`), 'half an image');
    expect(leftovers(folder)).toHaveLength(3);
    // When: the next start's keeper bootstraps (its timer never fires in this spec).
    const env = { ...process.env };
    Object.assign(process.env, { SNAPSHOT_EVERY: '60', SNAPSHOT_CHECK_MS: '86400000' });
    const keeper = new SnapshotKeeper({ dataDir: path.dirname(folder.root) } as AppConfig, ts.store);
    process.env = env;
    try {
      keeper.onApplicationBootstrap();
      // Then
      expect(leftovers(folder)).toEqual([]);
      expect(folder.list(cases.name, cases.version)).toEqual(stored);
    } finally {
      await keeper.beforeApplicationShutdown();
      copy.close();
      fold.close();
    }
  });

  it('given folds in progress, when an erasure starts a new generation, then their scratch files are deleted at once', async () => {
    const folder = freshFolder();
    await takeSnapshots(ts.store, folder, [cases], { every: 60, budgetBytes: 1e9 });
    const copy = (await fromSnapshot(folder, cases, head))!;
    const fold = emptyModel(register, folder);
    await foldOn(ts.store, fold, head / 2n);
    expect([existsSync(copy.file), existsSync(fold.file)]).toEqual([true, true]);
    folder.startGeneration(head);
    expect([existsSync(copy.file), existsSync(fold.file)]).toEqual([false, false]);
    expect(leftovers(folder)).toEqual([]);
    copy.close();
    fold.close();
  });

  it('given a scratch file that cannot take a page (disk full), when a fold goes on, then it stops with a storage fault instead of skipping the page', async () => {
    const folder = freshFolder();
    const fold = emptyModel(cases, folder);
    const apply = fold.apply.bind(fold);
    let pages = 0;
    // The instance keeps such a page for a retry (as the live runner does); a replay has no retry.
    fold.apply = (page) => (++pages === 2 ? void (fold.stalled = { code: 'SQLITE_FULL', since: 0 }) : apply(page));
    await expect(foldOn(ts.store, fold, head, undefined, 50)).rejects.toMatchObject({ kind: 'full', code: 'SQLITE_FULL' });
    fold.close();
  });
});

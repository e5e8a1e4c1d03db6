// "Reproduce an access at 1M events, p50 <= 1 s" (issue 16): the same access records reproduced with
// and without read-model snapshots in one run, at readAt positions spread over the log's history.
// The log is the requests suite's cached store (information requests, cases, detentions), copied.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, type JsonObject } from '@liaison/event-store';
import { ALL_PROJECTIONS, type CaseDataAccessedData } from '@liaison/projections';
import { QUERY_CATALOG, runRecordedQuery, type QueryName } from '../../apps/api/src/access/query-catalog.js';
import { fromSnapshot, replayReadModel } from '../../apps/api/src/audit/access-view/replay-read-model.js';
import { reproduceAccess } from '../../apps/api/src/audit/access-view/reproduce-access.js';
import { SnapshotFolder } from '../../apps/api/src/audit/snapshots/snapshot-folder.js';
import { takeSnapshots } from '../../apps/api/src/audit/snapshots/take-snapshots.js';
import { DEFAULT_SNAPSHOT_EVERY } from '../../apps/api/src/audit/snapshots/snapshot-settings.js';
import { cachedStore } from '../support/store-cache.js';
import { percentile } from '../support/stats.js';
import { seedRequests } from '../requests/workload.js';

const NOW = '2026-01-15T12:00:00.000Z';
/** What supervisors reproduce: a list from each of three read models. */
const ASKED: [QueryName, JsonObject, string][] = [
  ['listCases', { limit: 50 }, 'SE'], ['currentDetentions', { limit: 50 }, 'DK'], ['listInformationRequests', { limit: 50 }, 'SE'],
];

export interface ReproduceResult {
  events: number;
  samples: number;
  every: number;
  snapshotBuildMs: number;
  snapshotBytes: number;
  snapshotsWritten: number;
  withoutMs: { p50: number; p95: number };
  withMs: { p50: number; p95: number };
  sameAnswers: boolean;
  /** Medians over the accesses reproduced from snapshots: where the time goes. */
  breakdown: { openSnapshotMs: number; foldMs: number; eventsFolded: number; queryMs: number };
}

/** The requests suite's 1.23M-event log (built and cached on first use), copied into `dir`. */
async function logFile(dir: string, say: (line: string) => void): Promise<string> {
  const cache = await cachedStore({
    key: 'requests-v1-100000-100000', what: '100,000 information requests and 100,000 detentions', maxAgeMs: 30 * 86_400_000,
    seed: (store, _until, onProgress) => seedRequests(store, { requests: 100_000, detentions: 100_000 }, onProgress),
  }, say);
  const file = join(dir, 'events.db');
  if (!existsSync(file)) copyFileSync(join(cache.dir, 'events.db'), file);
  return file;
}

export async function benchReproduce(dir: string, events: number, samples: number, say: (line: string) => void): Promise<ReproduceResult> {
  const store = SqliteEventStore.open(await logFile(dir, say));
  try {
    const head = await store.headPosition();
    const upTo = head < BigInt(events) ? head : BigInt(events);
    const records = Array.from({ length: samples }, (_, i) => {
      const [query, params, country] = ASKED[i % ASKED.length];
      // Spread over the history (the nearest snapshot is then anywhere from 0 to `every` events back).
      const readAt = (upTo * BigInt(2 * i + 1)) / BigInt(2 * samples) + BigInt((i * 7919) % 5000);
      return record(query, params, readAt < upTo ? readAt : upTo, country);
    });
    const timed = async (folder?: SnapshotFolder) => {
      const times: number[] = [];
      const hashes: string[] = [];
      for (const r of records) {
        const t0 = performance.now();
        const { answerSha256 } = await reproduceAccess(store, r, folder);
        times.push(performance.now() - t0);
        hashes.push(answerSha256);
      }
      return { times, hashes };
    };
    say(`  reproducing ${samples} accesses from position 0 (no snapshots)`);
    const without = await timed();
    const folder = new SnapshotFolder(join(dir, 'snapshots'));
    // The service's default spacing at 1M events; the same share of the log (1/40) for --quick.
    const every = Math.max(1, Math.round((DEFAULT_SNAPSHOT_EVERY * Number(upTo)) / 1_000_000));
    const models = [...new Set(ASKED.map(([q]) => QUERY_CATALOG[q].projection))].map((n) => ALL_PROJECTIONS.find((p) => p.name === n)!);
    say(`  taking snapshots of ${models.map((m) => m.name).join(', ')} every ${every.toLocaleString('en-US')} events up to ${upTo}`);
    const t0 = performance.now();
    const run = await takeSnapshots(store, folder, models, { every, budgetBytes: Number.MAX_SAFE_INTEGER }, { head: upTo });
    const snapshotBuildMs = performance.now() - t0;
    say(`  reproducing the same ${samples} accesses from snapshots`);
    const withSnapshots = await timed(folder);
    const stats = (t: number[]) => ({ p50: percentile(t, 50), p95: percentile(t, 95) });
    const parts: Parts[] = [];
    for (const r of records) parts.push(await timeParts(store, folder, r));
    const med = (f: (p: Parts) => number) => percentile(parts.map(f), 50);
    const breakdown = { openSnapshotMs: med((p) => p.openMs), foldMs: med((p) => p.foldMs), eventsFolded: med((p) => p.events), queryMs: med((p) => p.queryMs) };
    return {
      events: Number(upTo), samples, every, snapshotBuildMs, snapshotBytes: run.bytes, snapshotsWritten: run.written,
      withoutMs: stats(without.times), withMs: stats(withSnapshots.times),
      sameAnswers: without.hashes.every((h, i) => h === withSnapshots.hashes[i]), breakdown,
    };
  } finally {
    await store.close();
  }
}

interface Parts {
  openMs: number;
  foldMs: number;
  events: number;
  queryMs: number;
}

/** One reproduction again, timed in its parts: open the nearest snapshot, fold on to readAt, ask the query. */
async function timeParts(store: SqliteEventStore, folder: SnapshotFolder, r: CaseDataAccessedData): Promise<Parts> {
  const projection = ALL_PROJECTIONS.find((p) => p.name === r.readModel)!;
  const upTo = BigInt(r.readAt);
  const t0 = performance.now();
  const start = await fromSnapshot(folder, projection, upTo);
  const t1 = performance.now();
  const from = start?.checkpoint ?? -1n;
  start?.close();
  const model = await replayReadModel(store, projection, upTo, folder);
  const t2 = performance.now();
  runRecordedQuery(r.query as QueryName, { db: model.db, viewer: { country: r.viewerCountry }, now: r.now }, r.params);
  const t3 = performance.now();
  model.close();
  // The replay opened the snapshot again: its fold is the replay's time less one opening.
  return { openMs: t1 - t0, foldMs: t2 - t1 - (t1 - t0), events: Number(upTo - from), queryMs: t3 - t2 };
}

function record(query: QueryName, params: JsonObject, readAt: bigint, viewerCountry: string): CaseDataAccessedData {
  return {
    entryId: `bench-${query}-${readAt}`, accessedAt: NOW, officer: { subject: 'bench', country: viewerCountry, issuer: 'https://idp.bench' }, purpose: 'bench',
    fieldsClass: 'personal', route: `GET ${query}`, readModel: QUERY_CATALOG[query].projection, query, params, viewerCountry,
    readAt: readAt.toString(), now: NOW, caseIds: [], resultCount: null, answerSha256: '',
  };
}

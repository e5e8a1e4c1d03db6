import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedVersion } from '../event-store.errors.js';
import { StorageUnavailable } from '../storage-faults.js';
import type { RecordedEvent } from '../event-store.port.js';
import { runEventStoreConformance } from '../conformance/event-store.conformance.js';
import { collect, ev, streamId } from '../conformance/conformance-fixtures.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-sqlite-'));
let files = 0;
const freshFile = (): string => join(dir, `store-${++files}.db`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WRITERS = ['inline', 'thread'] as const;

for (const writer of WRITERS) {
  runEventStoreConformance(`sqlite (${writer} writer)`, async () => {
    const store = SqliteEventStore.open(freshFile(), { writer });
    // Something in the store already, so no case can pass only on an empty store.
    await store.append(streamId('preexisting'), [ev(), ev()]);
    return { store, dispose: () => store.close() };
  });
}

describe.each(WRITERS)('SqliteEventStore specifics (%s writer)', (writer) => {
  const open = (file: string) => SqliteEventStore.open(file, { writer });

  it('re-applies WAL and synchronous=FULL on every open, on the connection that commits', async () => {
    const file = freshFile();
    await open(file).close();
    const reopened = open(file);
    expect(reopened.pragma('journal_mode')).toBe('wal');
    expect(reopened.pragma('synchronous')).toBe(2);
    await expect(reopened.writerSettings()).resolves.toEqual({ synchronous: 2, journalMode: 'wal' });
    // Control: a plain connection to the same WAL file comes up as NORMAL, so the check above is not vacuous.
    const plain = new Database(file);
    expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    plain.close();
    await reopened.close();
  });

  it('group-commits appends of the same tick into one transaction, acknowledged only once committed', async () => {
    const file = freshFile();
    const store = open(file);
    const before = { ...store.stats };
    const streams = Array.from({ length: 50 }, () => streamId());
    const results = await Promise.all(streams.map((s) => store.append(s, [ev()], { expectedRevision: 'no_stream' })));
    expect(store.stats.commits - before.commits).toBe(1);
    expect(store.stats.appends - before.appends).toBe(50);
    // Another connection sees the events as soon as the promises resolved: they were committed first.
    const other = new Database(file, { readonly: true });
    const count = other.prepare('SELECT COUNT(*) FROM events').pluck().get();
    other.close();
    expect(count).toBe(50);
    expect(new Set(results.map((r) => r.position)).size).toBe(50);
    await store.close();
  });

  it('a conflict inside a batch fails only its own append, and later appends see earlier ones', async () => {
    const store = open(freshFile());
    const [s1, s2, s3] = [streamId(), streamId(), streamId()];
    const before = store.stats.commits;
    const outcomes = await Promise.allSettled([
      store.append(s1, [ev('A')], { expectedRevision: 'no_stream' }),
      store.append(s1, [ev('B')], { expectedRevision: 'no_stream' }),
      store.append(s2, [ev('C')], { expectedRevision: 'no_stream' }),
      store.append(s1, [ev('D')], { expectedRevision: 0n }),
      store.append(s3, [ev('E1'), ev('E2'), ev('E3')], { expectedRevision: 5n }),
      store.append(s3, [ev('F')], { expectedRevision: 'any' }),
    ]);
    expect(store.stats.commits - before).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ expected: 'no_stream', actual: 0n });
    expect((await store.readStream(s1)).map((e) => e.type)).toEqual(['A', 'D']);
    expect((await store.readStream(s3)).map((e) => e.type)).toEqual(['F']);
    await store.close();
  });

  it('keeps data across close and reopen, and close() flushes appends still queued', async () => {
    const file = freshFile();
    const store = open(file);
    const s = streamId();
    const first = await store.append(s, [ev('One'), ev('Two')]);
    const queued = store.append(s, [ev('Three')], { expectedRevision: 1n });
    await store.close();
    await expect(queued).resolves.toMatchObject({ nextExpectedRevision: 2n });
    await expect(store.append(s, [ev()])).rejects.toThrow(/closed/);

    const reopened = open(file);
    expect((await reopened.readStream(s)).map((e) => e.type)).toEqual(['One', 'Two', 'Three']);
    const next = await reopened.append(s, [ev('Four')], { expectedRevision: 2n });
    expect(next.position > first.position).toBe(true);
    expect(await reopened.headPosition()).toBe(next.position);
    await reopened.close();
  });

  it('delivers live events on commit, without waiting for the fallback poll', async () => {
    const store = open(freshFile());
    await store.writerSettings(); // a writer thread's start-up is not delivery latency
    let caughtUp!: () => void;
    const ready = new Promise<void>((r) => (caughtUp = r));
    const sub = store.subscribeToAll({ fromPosition: 'end', onCaughtUp: () => caughtUp() });
    const iterator = sub[Symbol.asyncIterator]();
    const latencies: number[] = [];
    let pending = iterator.next();
    await ready;
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const started = performance.now();
      const appended = await store.append(streamId(), [ev('Live', { i })]);
      const { value } = (await pending) as IteratorYieldResult<RecordedEvent>;
      latencies.push(performance.now() - started);
      expect(value.position).toBe(appended.position);
      pending = iterator.next();
    }
    await sub.close();
    expect(Math.max(...latencies)).toBeLessThan(150);
    await store.close();
  });

  it('sees events written by another connection to the same file', async () => {
    const file = freshFile();
    const reader = open(file);
    const writer = open(file);
    const from = (await writer.append(streamId(), [ev()])).position;
    const sub = reader.subscribeToAll({ fromPosition: from });
    const collecting = collect(sub, () => true, (kept) => kept.length === 2, 5_000);
    await new Promise((r) => setTimeout(r, 50));
    await writer.append(streamId(), [ev('Elsewhere', { n: 1 }), ev('Elsewhere', { n: 2 })]);
    expect((await collecting).map((e) => e.data.n)).toEqual([1, 2]);
    await writer.close();
    await reader.close();
  });

  it('checkpoints past events a filter skipped', async () => {
    const store = open(freshFile());
    const checkpoints: bigint[] = [];
    const sub = store.subscribeToAll({ fromPosition: 'start', filter: { eventTypes: ['Nothing'] }, onCheckpoint: (p) => void checkpoints.push(p) });
    const last = await store.append(streamId(), [ev(), ev(), ev()]);
    const pending = sub[Symbol.asyncIterator]().next();
    for (let i = 0; i < 50 && checkpoints.at(-1) !== last.position; i++) await new Promise((r) => setTimeout(r, 10));
    expect(checkpoints.at(-1)).toBe(last.position);
    await sub.close();
    await expect(pending).resolves.toMatchObject({ done: true });
    await store.close();
  });
});

describe('SqliteEventStore writer thread failure', () => {
  it('rejects pending and later appends and fails ping once the writer thread is gone, instead of hanging', async () => {
    const store = SqliteEventStore.open(freshFile(), { writer: 'thread' });
    await store.append(streamId(), [ev()]);
    await expect(store.ping()).resolves.toBeUndefined();
    // Test-only reach into the store: a writer thread killed from outside (e.g. by an out-of-memory abort).
    const { worker } = (store as unknown as { commits: { started: { worker: { terminate(): Promise<number> } } } }).commits.started;
    const pending = store.append(streamId(), [ev()]);
    await worker.terminate();
    await expect(pending).rejects.toThrow(/writer stopped/);
    // A storage fault (503 STORE_UNAVAILABLE at the HTTP layer), not an unclassified bug (500).
    await expect(store.append(streamId(), [ev()])).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(store.append(streamId(), [ev()])).rejects.toThrow(/writer stopped/);
    await expect(store.ping()).rejects.toThrow(/writer stopped/);
    await store.close();
  });
});

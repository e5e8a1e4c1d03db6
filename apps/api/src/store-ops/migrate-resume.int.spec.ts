// A pipelined migration stopped by a failed append while later appends were in flight leaves a target
// that is not a prefix of the source: the failed run is missing, runs sent after it are there. Resumed,
// the copy goes back RESUME_LOOKBACK source events before the target's last event, recognises by id
// what is there (idempotent appends, runs cut differently completed from the stream's tail) and copies
// the rest: the same log as an uninterrupted run, nothing twice. And a migration through connections
// dropped now and then completes on its own (the adapter sends dropped appends again), every event once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, chainEvents, type EventStore } from '@liaison/event-store';
import type { EsdbEventStore } from '@liaison/event-store/esdb';
import { useEmulatedStore } from '../../../../test/support/esdb-emulator/emulated-store.js';
import { migrateToEsdb } from './migrate-to-esdb.js';
import { compareSummaries, summarise } from './compare-stores.js';

const STREAMS = 40;
const ROUNDS = 12;
let dir: string;
let sourceFile: string;
let target: EsdbEventStore;
const emulated = useEmulatedStore();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liaison-migrate-resume-'));
  sourceFile = path.join(dir, 'events.db');
  const source = SqliteEventStore.open(sourceFile);
  const heads = new Map<string, string | null>();
  // Interleaved: runs of one to three events, streams taking turns, as officers write.
  for (let round = 0; round < ROUNDS; round++) {
    for (let s = 0; s < STREAMS; s++) {
      const stream = `case-${s}`;
      const events = Array.from({ length: 1 + ((s + round) % 3) }, (_, k) => ({ type: 'Noted', data: { s, round, k }, metadata: { actor: 'spec' } }));
      const chained = chainEvents(heads.get(stream) ?? null, events);
      heads.set(stream, chained.last);
      await source.append(stream, chained.events);
    }
  }
  await source.close();
  target = emulated.store;
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('migrate, stopped with appends in flight and resumed', () => {
  it('fills in the run that failed before later ones landed, and copies nothing twice', async () => {
    let appends = 0;
    const failing: EventStore = Object.create(target) as EventStore;
    failing.append = async (...args) => {
      // Pages of one event make one append per event: the 5th, the middle one of case-2's first three,
      // fails; the ones of other streams already sent after it land.
      if (++appends === 5) throw new Error('connection lost for good');
      return target.append(...args);
    };
    await expect(migrateToEsdb({ sourceFile, target: failing, pageSize: 1 })).rejects.toThrow('connection lost for good');
    const source = SqliteEventStore.open(sourceFile, { writer: 'inline' });
    try {
      const total = (await summarise(source)).events;
      const partial = await summarise(target);
      expect(partial.events).toBeLessThan(total);
      // Larger pages cut runs differently: case-2's first three events are one run now, its first there.
      const report = await migrateToEsdb({ sourceFile, target, pageSize: 37 });
      expect(report.alreadyThere).toBe(partial.events);
      expect(report.copied + report.alreadyThere).toBe(total);
      expect(compareSummaries(await summarise(source), await summarise(target)).same).toBe(true);
      const ids = (await target.readAll({ maxCount: 100_000 })).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(total);
    } finally {
      await source.close();
    }
  }, 60_000);
});

describe('migrate while connections drop', () => {
  const other = useEmulatedStore();

  it('completes with every event once, stream order intact, when appends in flight lose their connection', async () => {
    // Every 40th append of the migration drops every connection (with everything else in flight), as it
    // goes out, or once it is written, or before: counted in appends, so however fast the copy runs.
    let sent = 0;
    const dropping: EventStore = Object.create(other.store) as EventStore;
    dropping.append = (...args) => {
      const kind = sent++ % 120;
      if (kind === 0) other.emulator.dropConnections();
      else if (kind % 40 === 0) other.emulator.dropConnectionsOnAppend(1, { afterWrite: kind === 40 });
      return other.store.append(...args);
    };
    const report = await migrateToEsdb({ sourceFile, target: dropping, pageSize: 64 });
    expect(other.emulator.faultCounts().dropped).toBeGreaterThan(10);
    const source = SqliteEventStore.open(sourceFile, { writer: 'inline' });
    try {
      expect(report.copied).toBe((await summarise(source)).events);
      expect(compareSummaries(await summarise(source), await summarise(other.store)).same).toBe(true);
      const ids = (await other.store.readAll({ maxCount: 100_000 })).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await source.close();
    }
  }, 60_000);
});

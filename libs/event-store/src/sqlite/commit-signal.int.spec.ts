// Projection workers learn of commits through shared memory: whichever thread commits (the inline
// writer on the store's thread, or the writer thread) bumps the signal, and followers are called.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { followCommits } from './commit-signal.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const ev = (n: number) => ({ type: 'Noted', data: { n }, metadata: {} });

describe.each(['inline', 'thread'] as const)('commit signal with the %s writer', (writer) => {
  const dirs: string[] = [];
  const stops: (() => void)[] = [];
  const stores: SqliteEventStore[] = [];
  afterEach(async () => {
    stops.splice(0).forEach((stop) => stop());
    await Promise.all(stores.splice(0).map((s) => s.close()));
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });
  const open = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-signal-'));
    dirs.push(dir);
    const store = SqliteEventStore.open(path.join(dir, 'events.db'), { writer });
    stores.push(store);
    return store;
  };

  it('calls a follower after a commit, and not once stopped', async () => {
    const store = open();
    let calls = 0;
    let heard: () => void = () => undefined;
    const stop = followCommits(store.commitSignal, () => {
      calls++;
      heard();
    });
    stops.push(stop);
    const first = new Promise<void>((resolve) => (heard = resolve));
    await store.append('s-1', [ev(1)]);
    await first;
    expect(calls).toBe(1);

    stop();
    await store.append('s-1', [ev(2)]);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(1);
  });

  it('a conflicting append that stores nothing does not signal', async () => {
    const store = open();
    await store.append('s-2', [ev(1)]);
    let calls = 0;
    stops.push(followCommits(store.commitSignal, () => calls++));
    await expect(store.append('s-2', [ev(2)], { expectedRevision: 'no_stream' })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(0);
  });
});

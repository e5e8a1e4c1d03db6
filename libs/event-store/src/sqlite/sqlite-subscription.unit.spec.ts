import { describe, expect, it } from '@jest/globals';
import type { EventKey, EventRow } from './sqlite-row.js';
import { SqliteSubscription, type SubscriptionSource } from './sqlite-subscription.js';

const row = (i: number): EventRow => [i, `id-${i}`, `${i % 3 === 0 ? 'a' : 'b'}-${i % 5}`, i, i % 7 === 0 ? 'Erased' : 'Other', `{"i":${i}}`, '{}', 'at'];

/** Rows 0..n-1 on streams a-/b- with every 7th an erasure, and a source that counts what it is asked. */
function logOf(n: number) {
  const rows: EventRow[] = Array.from({ length: n }, (_, i) => row(i));
  const calls = { readAfter: 0, readKeysAfter: 0, spans: [] as [number, number][] };
  const waiters = new Set<() => void>();
  /** An in-process commit of one more row, announced as the store announces its commits. */
  const commit = () => {
    rows.push(row(rows.length));
    const woken = [...waiters];
    waiters.clear();
    woken.forEach((w) => w());
  };
  const source: SubscriptionSource = {
    readAfter: (after, limit) => (calls.readAfter++, rows.filter((r) => r[0] > after).slice(0, limit)),
    readKeysAfter: (after, limit) => (calls.readKeysAfter++, rows.filter((r) => r[0] > after).slice(0, limit).map((r): EventKey => [r[0], r[2], r[4]])),
    readRange: (first, last) => (calls.spans.push([first, last]), rows.filter((r) => r[0] >= first && r[0] <= last)),
    headPosition: () => rows.length - 1,
    onNextCommit: (w) => void waiters.add(w),
    offNextCommit: (w) => void waiters.delete(w),
    detach: () => undefined,
  };
  return { rows, calls, source, commit };
}

/** Everything delivered until the catch-up ends (the subscription closes itself then). */
async function collected(sub: SqliteSubscription): Promise<bigint[]> {
  const seen: bigint[] = [];
  for await (const e of sub) seen.push(e.position);
  return seen;
}

const closing = (holder: { sub?: SqliteSubscription }) => () => void holder.sub?.close();

describe('SqliteSubscription with a filter', () => {
  it('delivers exactly what the filter keeps, reading whole rows only between the first and last kept row of a page', async () => {
    const { rows, calls, source } = logOf(3000);
    const holder: { sub?: SqliteSubscription } = {};
    const checkpoints: bigint[] = [];
    const sub = (holder.sub = new SqliteSubscription(source, { filter: { eventTypes: ['Erased'] }, onCaughtUp: closing(holder), onCheckpoint: (p) => void checkpoints.push(p) }));
    const seen = await collected(sub);
    expect(seen).toEqual(rows.filter((r) => r[4] === 'Erased').map((r) => BigInt(r[0])));
    // The JSON columns of the rows a watcher drops are never read.
    expect(calls.readAfter).toBe(0);
    for (const [first, last] of calls.spans) {
      expect(rows[first][4]).toBe('Erased');
      expect(rows[last][4]).toBe('Erased');
    }
    expect(checkpoints.at(-1)).toBe(2999n);
  });

  it('filters by stream prefix and type together, as before', async () => {
    const { rows, calls, source } = logOf(2500);
    const holder: { sub?: SqliteSubscription } = {};
    const sub = (holder.sub = new SqliteSubscription(source, { fromPosition: 10n, filter: { streamPrefixes: ['a-'], eventTypes: ['Other'] }, onCaughtUp: closing(holder) }));
    const seen = await collected(sub);
    expect(seen).toEqual(rows.filter((r) => r[0] > 10 && r[2].startsWith('a-') && r[4] === 'Other').map((r) => BigInt(r[0])));
    expect(calls.readAfter).toBe(0);
  });

  it('reads whole pages when there is no filter', async () => {
    const { rows, calls, source } = logOf(1500);
    const holder: { sub?: SqliteSubscription } = {};
    const sub = (holder.sub = new SqliteSubscription(source, { onCaughtUp: closing(holder) }));
    expect(await collected(sub)).toEqual(rows.map((r) => BigInt(r[0])));
    expect(calls.readKeysAfter).toBe(0);
  });
});

describe('SqliteSubscription at the head', () => {
  it('reads once per commit: a short page already proved it reached the head', async () => {
    const { calls, source, commit } = logOf(3);
    const sub = new SqliteSubscription(source);
    for (let i = 0; i < 3; i++) expect((await sub.next()).value?.position).toBe(BigInt(i));
    for (let i = 3; i < 8; i++) {
      const next = sub.next();
      await new Promise((r) => setImmediate(r));
      commit();
      expect((await next).value?.position).toBe(BigInt(i));
    }
    await sub.close();
    // One read for the catch-up and one per commit; no empty read after each short page.
    expect(calls.readAfter).toBe(1 + 5);
  });

  it('still reads after the fallback poll when no commit was announced (another process wrote)', async () => {
    const { rows, source } = logOf(2);
    const sub = new SqliteSubscription(source);
    await sub.next();
    await sub.next();
    rows.push(row(2)); // written by another connection: nothing announces it
    expect((await sub.next()).value?.position).toBe(2n);
    await sub.close();
  });
});

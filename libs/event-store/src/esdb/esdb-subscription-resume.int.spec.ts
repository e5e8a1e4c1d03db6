// Subscriptions across dropped connections: the emulator destroys every HTTP/2 session again and again
// while writers append; the adapter's subscription subscribes again after the last position it handed
// out, so the consumer sees every event once, in $all order, with no gap and no duplicate.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { useEmulatedStore } from '../../../../test/support/esdb-emulator/emulated-store.js';
import type { RecordedEvent, Subscription } from '../event-store.port.js';
import type { EsdbEventStore } from './esdb-event-store.js';

const meta = { actor: 'a', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: '2024-01-01T00:00:00.000Z' };
const event = (type = 'Tested') => ({ id: randomUUID(), type, data: {}, metadata: meta });

async function until(sub: Subscription, done: (seen: RecordedEvent[]) => boolean, keep: (e: RecordedEvent) => boolean): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  const timeout = setTimeout(() => void sub.close(), 20_000);
  for await (const e of sub) {
    if (keep(e)) seen.push(e);
    if (done(seen)) break;
  }
  clearTimeout(timeout);
  return seen;
}

describe('EsdbEventStore subscriptions across dropped connections', () => {
  const emulated = useEmulatedStore();
  let emulator: EsdbEmulator;
  let store: EsdbEventStore;
  beforeAll(() => void ({ emulator, store } = emulated));

  it('resumes after the last event handed out, with no gap and nothing twice, while writers race and connections drop', async () => {
    const prefix = `resume-${randomUUID()}-`;
    const from = await store.headPosition();
    const sub = store.subscribeToAll({ fromPosition: from });
    const written: string[] = [];
    const writers = Promise.all([0, 1, 2].map(async (w) => {
      for (let i = 0; i < 60; i++) {
        const batch = [event(), event()];
        await store.append(`${prefix}${w}`, batch, { expectedRevision: 'any' });
        written.push(...batch.map((e) => e.id));
        if (i % 4 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    }));
    const drops = emulator.faultCounts().dropped;
    let dropping = true;
    const dropper = (async () => {
      while (dropping) {
        emulator.dropConnections();
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    const seen = until(sub, (s) => s.length >= 360, (e) => e.streamId.startsWith(prefix));
    await writers;
    const got = await seen;
    dropping = false;
    await dropper;
    await sub.close();
    expect(emulator.faultCounts().dropped - drops).toBeGreaterThan(3);
    const ids = got.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...written].sort());
    const positions = got.map((e) => e.position);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
  }, 60_000);

  it('from the end: an event written after a drop that came before the first event is not missed', async () => {
    const stream = `end-${randomUUID()}`;
    const sub = store.subscribeToAll({ fromPosition: 'end' });
    const seen = until(sub, (s) => s.length >= 1, (e) => e.streamId === stream);
    await new Promise((r) => setTimeout(r, 200));
    emulator.dropConnections();
    const written = event();
    await store.append(stream, [written]);
    expect((await seen).map((e) => e.id)).toEqual([written.id]);
    await sub.close();
  }, 30_000);

  it('resumes a filtered subscription after its last checkpoint, and reports caught-up once', async () => {
    const wanted = `Wanted${randomUUID().slice(0, 8)}`;
    const from = await store.headPosition();
    const checkpoints: bigint[] = [];
    let caughtUp = 0;
    for (let i = 0; i < 100; i++) await store.append(`noise-${randomUUID()}`, [event()]);
    const sub = store.subscribeToAll({
      fromPosition: from, filter: { eventTypes: [wanted] },
      onCheckpoint: (p) => void checkpoints.push(p), onCaughtUp: () => void caughtUp++,
    });
    const seen = until(sub, (s) => s.length >= 2, () => true);
    await new Promise((r) => setTimeout(r, 200));
    emulator.dropConnections();
    const first = event(wanted);
    await store.append(`wanted-${randomUUID()}`, [first]);
    await new Promise((r) => setTimeout(r, 200));
    emulator.dropConnections();
    const second = event(wanted);
    await store.append(`wanted-${randomUUID()}`, [second]);
    expect((await seen).map((e) => e.id)).toEqual([first.id, second.id]);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.every((p, i) => i === 0 || p >= checkpoints[i - 1])).toBe(true);
    expect(caughtUp).toBe(1);
    await sub.close();
  }, 30_000);
});

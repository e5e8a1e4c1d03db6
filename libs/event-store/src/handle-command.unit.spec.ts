import { describe, expect, it } from '@jest/globals';
import type { AppendOptions, AppendResult, EventStore, EventToAppend, RecordedEvent } from './event-store.port.js';
import { StreamNotFound, WrongExpectedVersion } from './event-store.errors.js';
import { handleCommand, handleCommands, readState } from './handle-command.js';
import { KeyedQueue } from './keyed-queue.js';
import { counter } from './conformance/handle-command.cases.js';

const metadata = { actor: 'unit' };

/** Just enough store for handleCommand: one stream in memory, optional scripted failures. */
class FakeStore implements Pick<EventStore, 'readStream' | 'append'> {
  events: RecordedEvent[] = [];
  appendCalls = 0;
  constructor(private readonly failAppend: (call: number) => Error | undefined = () => undefined) {}

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    if (this.events.length === 0) throw new StreamNotFound(streamId);
    return [...this.events];
  }

  async append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    const failure = this.failAppend(++this.appendCalls);
    if (failure) throw failure;
    const current = this.events.length ? BigInt(this.events.length - 1) : undefined;
    const expected = options?.expectedRevision ?? 'any';
    if (expected === 'no_stream' ? current !== undefined : typeof expected === 'bigint' && expected !== current) {
      throw new WrongExpectedVersion(streamId, expected, current);
    }
    for (const e of events) {
      const n = BigInt(this.events.length);
      this.events.push({ id: e.id ?? String(n), streamId, type: e.type, data: e.data, metadata: e.metadata, revision: n, position: n, recordedAt: '' });
    }
    return { nextExpectedRevision: BigInt(this.events.length - 1), position: BigInt(this.events.length - 1) };
  }
}

const asStore = (fake: FakeStore): EventStore => fake as unknown as EventStore;

describe('readState', () => {
  it('treats a missing stream as the initial state', async () => {
    expect(await readState(asStore(new FakeStore()), 's', counter, 7)).toEqual({ state: 7, revision: undefined });
  });

  it('does not swallow other read errors', async () => {
    const broken = { readStream: async () => Promise.reject(new Error('disk on fire')) } as unknown as EventStore;
    await expect(readState(broken, 's', counter, 0)).rejects.toThrow('disk on fire');
  });
});

describe('handleCommand', () => {
  it('appends to a new stream with no_stream and folds the result', async () => {
    const fake = new FakeStore();
    const result = await handleCommand(asStore(fake), 's', { type: 'add', by: 4 }, counter, { metadata });
    expect(result).toMatchObject({ nextExpectedRevision: 0n, position: 0n, newState: 4 });
    expect(fake.events[0]).toMatchObject({ type: 'Added', data: { by: 4 }, metadata });
  });

  it('retries conflicts three times by default, then gives up', async () => {
    const conflict = (): Error => new WrongExpectedVersion('s', 'no_stream', 0n);
    const fake = new FakeStore(conflict);
    await expect(handleCommand(asStore(fake), 's', { type: 'add', by: 1 }, counter, { metadata })).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(fake.appendCalls).toBe(4);
  });

  it('succeeds when a retry wins', async () => {
    const fake = new FakeStore((call) => (call < 3 ? new WrongExpectedVersion('s', 'no_stream', 0n) : undefined));
    const result = await handleCommand(asStore(fake), 's', { type: 'add', by: 1 }, counter, { metadata });
    expect(fake.appendCalls).toBe(3);
    expect(result.newState).toBe(1);
  });

  it('never retries errors other than a conflict', async () => {
    const fake = new FakeStore(() => new Error('connection lost'));
    await expect(handleCommand(asStore(fake), 's', { type: 'add', by: 1 }, counter, { metadata })).rejects.toThrow('connection lost');
    expect(fake.appendCalls).toBe(1);
  });
});

describe('handleCommand with a per-stream queue', () => {
  const tenAdds = (fake: FakeStore, queue?: KeyedQueue) => Promise.allSettled(Array.from({ length: 10 }, () =>
    handleCommand(asStore(fake), 's', { type: 'add', by: 1 }, counter, { metadata, retries: 0, queue })));

  it('without it, concurrent commands on one stream race and the losers conflict', async () => {
    const outcomes = await tenAdds(new FakeStore());
    expect(outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThan(0);
  });

  it('with it, they run one after another and every one lands, without a retry', async () => {
    const fake = new FakeStore();
    const outcomes = await tenAdds(fake, new KeyedQueue());
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.nextExpectedRevision : o.reason))).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
    expect(fake.appendCalls).toBe(10);
  });
});

describe('handleCommand with a known state', () => {
  it('starts from the state the caller read, without reading the stream again', async () => {
    const fake = new FakeStore();
    let reads = 0;
    const store = { ...asStore(fake), readStream: async (s: string) => { reads++; return fake.readStream(s); }, append: fake.append.bind(fake) } as unknown as EventStore;
    const result = await handleCommand(store, 's', { type: 'add', by: 2 }, counter, { metadata, known: { state: 0, revision: undefined, hash: null } });
    expect([reads, result.newState, result.nextExpectedRevision]).toEqual([0, 2, 0n]);
  });

  it('re-reads and re-decides when the known state turns out stale', async () => {
    const fake = new FakeStore();
    await handleCommand(asStore(fake), 's', { type: 'add', by: 5 }, counter, { metadata });
    // The caller believes the stream is new; it now holds one event, so the append conflicts once.
    const result = await handleCommand(asStore(fake), 's', { type: 'add', by: 1 }, counter, { metadata, known: { state: 0, revision: undefined } });
    expect([result.newState, fake.events.length]).toEqual([6, 2]);
  });
});

describe('handleCommands', () => {
  // A capped counter: adding past 10 is refused, so a tolerated refusal has something to tolerate.
  const capped = { ...counter, decide: (c: Parameters<typeof counter.decide>[0], state: number) => {
    if (c.type === 'add' && state + c.by > 10) throw Object.assign(new Error('over the cap'), { code: 'OVER_CAP' });
    return counter.decide(c, state);
  } };
  const overCap = (_i: number, e: unknown) => (e as { code?: string }).code === 'OVER_CAP';

  it('given a new stream, when three commands run as one, then each is decided on the state the ones before left and all land in one append', async () => {
    const fake = new FakeStore();
    const result = await handleCommands(asStore(fake), 's', [{ type: 'add', by: 4 }, { type: 'noop' }, { type: 'add', by: 5 }], counter, { metadata });
    expect(fake.appendCalls).toBe(1);
    expect(fake.events.map((e) => e.data.by)).toEqual([4, 5]);
    expect(result).toMatchObject({ nextExpectedRevision: 1n, newState: 9 });
    expect(result.eventsByCommand.map((es) => es.length)).toEqual([1, 0, 1]);
  });

  it('given a command the cap refuses, when its refusal is tolerated, then it decides nothing and the others still land', async () => {
    const fake = new FakeStore();
    const result = await handleCommands(asStore(fake), 's', [{ type: 'add', by: 8 }, { type: 'add', by: 5 }, { type: 'add', by: 2 }], capped, { metadata, tolerate: overCap });
    expect(result.eventsByCommand.map((es) => es.map((e) => e.data.by))).toEqual([[8], [], [2]]);
    expect(fake.events.map((e) => e.data.by)).toEqual([8, 2]);
  });

  it('given a refusal that is not tolerated, when it comes after commands that would pass, then nothing is appended', async () => {
    const fake = new FakeStore();
    await expect(handleCommands(asStore(fake), 's', [{ type: 'add', by: 8 }, { type: 'add', by: 5 }], capped, { metadata })).rejects.toThrow('over the cap');
    expect([fake.appendCalls, fake.events.length]).toEqual([0, 0]);
  });

  it('given a stale known state, when the append conflicts, then every command is decided again on the fresh state', async () => {
    const fake = new FakeStore();
    await handleCommand(asStore(fake), 's', { type: 'add', by: 7 }, counter, { metadata });
    const result = await handleCommands(asStore(fake), 's', [{ type: 'add', by: 2 }, { type: 'add', by: 3 }], capped, {
      metadata, tolerate: overCap, known: { state: 0, revision: undefined },
    });
    // Fresh: 7 + 2 = 9, then 9 + 3 is over the cap and tolerated.
    expect([result.newState, fake.events.map((e) => e.data.by)]).toEqual([9, [7, 2]]);
  });
});

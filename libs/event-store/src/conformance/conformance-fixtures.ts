import { randomUUID } from 'node:crypto';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port.js';

export type StoreFactory = () => Promise<{ store: EventStore; dispose: () => Promise<void> }>;
/** Sections get a getter because the store only exists once beforeAll has run. */
export type GetStore = () => EventStore;

export const metadata = {
  actor: 'officer-1',
  country: 'NO',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  occurredAt: '2024-01-01T00:00:00.000Z',
};

/** Stores are shared and never assumed empty, so every test writes to its own fresh names. */
export function uniq(): string {
  return randomUUID().replaceAll('-', '').slice(0, 12);
}

export function streamId(prefix = 'conformance'): string {
  return `${prefix}-${uniq()}`;
}

export function ev(type = 'ConformanceTested', data: JsonObject = {}, id?: string): EventToAppend {
  return { id: id ?? randomUUID(), type, data, metadata };
}

/** A fresh position to subscribe from: the store's own marker, since positions need not start at 0. */
export async function checkpoint(store: EventStore): Promise<bigint> {
  const result = await store.append(streamId('conformance-marker'), [ev('ConformanceMarker')]);
  return result.position;
}

export function expectStrictlyIncreasing(positions: bigint[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (positions[i] <= positions[i - 1]) {
      throw new Error(`positions not strictly increasing at ${i}: ${positions[i - 1]} then ${positions[i]}`);
    }
  }
}

/**
 * Pulls from the subscription, keeping events the predicate accepts, until `done` says so.
 * Times out with a useful count instead of hanging the suite.
 */
export async function collect(
  sub: Subscription,
  keep: (e: RecordedEvent) => boolean,
  done: (kept: RecordedEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<RecordedEvent[]> {
  const kept: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void sub.close();
      reject(new Error(`subscription timed out after ${kept.length} matching events`));
    }, timeoutMs);
  });
  const run = (async () => {
    for await (const e of sub) {
      if (!keep(e)) continue;
      kept.push(e);
      if (done(kept)) return;
    }
    throw new Error(`subscription ended after ${kept.length} matching events`);
  })();
  try {
    await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return kept;
}

/**
 * Delegates to a real store but lets a test run another writer's append just before ours, which
 * is the only deterministic way to lose an optimistic-concurrency race.
 */
export class RacingStore implements EventStore {
  appendCalls = 0;

  constructor(
    private readonly inner: EventStore,
    private readonly intrude: (call: number) => Promise<void>,
  ) {}

  async append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    this.appendCalls++;
    await this.intrude(this.appendCalls);
    return this.inner.append(streamId, events, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

// The EventStore port on EventStoreDB through the official gRPC client. Position mapping and error
// mapping live in esdb-mapping.ts, subscriptions in esdb-subscription.ts.
import { randomUUID } from 'node:crypto';
import { BACKWARDS, END, EventStoreDBClient, FORWARDS, NotLeaderError, START, jsonEvent, type AllStreamResolvedEvent, type ResolvedEvent } from '@eventstore/db-client';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port.js';
import { isSystemEvent, toClientExpectedRevision, toClientPosition, toPortError, toRecordedEvent } from './esdb-mapping.js';
import { subscribeToAll } from './esdb-subscription.js';
import { ReconnectPause, isConnectionLost } from './reconnect-pause.js';
import { WriteFaultTracker, type WriteFault } from '../storage-faults.js';

/** Every read is bounded (unbounded reads can leave the client unable to dispose); longer ones page. */
const PAGE_SIZE = 500;
const DISPOSE_TIMEOUT_MS = 3_000;
/**
 * Calls sent again after a dropped connection before StorageUnavailable, pausing 50, 100 … 800 ms (less
 * jitter): about 1.5 s, the time a cluster takes to elect a new leader after losing one.
 */
const CONNECTION_RETRIES = 5;
const RETRY_FIRST_PAUSE_MS = 50;
/** headPosition walks back over at most this many trailing system events before giving up. */
const HEAD_SCAN_LIMIT = 1_000;

export { MIGRATED_RECORDED_AT } from './esdb-mapping.js';

export class EsdbEventStore implements EventStore {
  private readonly faults = new WriteFaultTracker();

  private constructor(private readonly client: EventStoreDBClient) {}

  /** e.g. `esdb://localhost:2113?tls=false`. The connection is lazy: nothing is dialled until first use. */
  static fromConnectionString(connectionString: string): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  append(streamId: string, events: EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.faults.track(this.appendNow(streamId, events, options));
  }

  lastWriteFault(): WriteFault | undefined {
    return this.faults.last;
  }

  private async appendNow(streamId: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const proposed = events.map((e) =>
      jsonEvent({ id: e.id ?? randomUUID(), type: e.type, data: e.data, metadata: e.metadata, contentType: 'application/json' }),
    );
    const pause = new ReconnectPause(RETRY_FIRST_PAUSE_MS);
    for (let refusals = 0, drops = 0; ; ) {
      try {
        const result = await this.client.appendToStream(streamId, proposed, { expectedRevision: toClientExpectedRevision(expected) });
        if (!result.position) throw new Error(`EventStoreDB acknowledged an append to ${streamId} without a position`);
        return { nextExpectedRevision: result.nextExpectedRevision, position: result.position.commit };
      } catch (error) {
        // A follower refused it after an election: nothing was written, and the client now points at the
        // leader the refusal named. Once more, same event ids (a duplicate is impossible either way);
        // a second refusal means the cluster is still electing: StorageUnavailable, 503 with Retry-After.
        if (error instanceof NotLeaderError && refusals++ === 0) continue;
        // The connection dropped with the append in flight: written or not, nobody can tell. Sent again
        // with the same event ids and expected revision, the server answers a written one as already
        // committed (IndexWriter.CheckCommit's idempotency check) and writes a lost one: exactly once.
        // If the server stays out of reach, StorageUnavailable: 503 with Retry-After, outcome unknown.
        if (isConnectionLost(error) && drops++ < CONNECTION_RETRIES) {
          await pause.wait();
          continue;
        }
        throw toPortError(error, streamId, expected);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    const limit = options.maxCount ?? Infinity;
    let from: bigint | typeof START | typeof END = options.fromRevision ?? (direction === 'forwards' ? START : END);
    const out: RecordedEvent[] = [];
    while (out.length < limit) {
      const want = Math.min(PAGE_SIZE, limit - out.length);
      const at = from;
      const page = await this.collect(
        () => this.client.readStream(streamId, { direction: direction === 'forwards' ? FORWARDS : BACKWARDS, fromRevision: at, maxCount: want }),
        streamId,
      );
      out.push(...page.map(toRecordedEvent));
      if (page.length < want) break;
      const last = out[out.length - 1].revision;
      if (direction === 'backwards' && last === 0n) break;
      from = direction === 'forwards' ? last + 1n : last - 1n;
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const limit = options.maxCount ?? Infinity;
    const requested = options.fromPosition ?? (forwards ? START : END);
    if (typeof requested === 'bigint' && requested < 0n) return forwards ? this.readAll({ ...options, fromPosition: START }) : [];
    // A real server only accepts positions on record boundaries (an event's own position), so
    // paging never steps to "position + 1": forwards pages restart at the last event (inclusive)
    // and drop it; backwards from p is exclusive on the server, so the port's inclusive start
    // fetches the event at p with a one-event forwards read first.
    const out: RecordedEvent[] = [];
    const keep = (e: AllStreamResolvedEvent) => {
      if (!isSystemEvent(e) && out.length < limit) out.push(toRecordedEvent(e));
    };
    let from: bigint | typeof START | typeof END = requested;
    let skip: bigint | undefined;
    if (!forwards && typeof requested === 'bigint') {
      const [atP] = await this.readAllPage(true, requested, 1);
      if (atP?.event?.position?.commit === requested) keep(atP);
    }
    while (out.length < limit) {
      const want = Math.min(PAGE_SIZE, limit - out.length) + (skip === undefined ? 0 : 1);
      const page = await this.readAllPage(forwards, from, want);
      for (const e of page) if (e.event?.position?.commit !== skip) keep(e);
      if (page.length < want) break;
      const lastPos = page[page.length - 1].event?.position?.commit;
      if (lastPos === undefined) break;
      from = lastPos;
      skip = forwards ? lastPos : undefined;
    }
    return out;
  }

  private readAllPage(forwards: boolean, from: bigint | typeof START | typeof END, maxCount: number): Promise<AllStreamResolvedEvent[]> {
    const fromPosition = typeof from === 'bigint' ? toClientPosition(from) : from;
    return this.collect(() => this.client.readAll({ direction: forwards ? FORWARDS : BACKWARDS, fromPosition, maxCount }), '$all');
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    return subscribeToAll(this.client, options);
  }

  async headPosition(): Promise<bigint> {
    // The last non-system event: a subscriber never sees '$' events, so counting them as head
    // would leave a lag that never closes.
    let from: bigint | typeof END = END;
    for (let scanned = 0; scanned < HEAD_SCAN_LIMIT; ) {
      const page = await this.readAllPage(false, from, 50);
      const user = page.find((e) => !isSystemEvent(e));
      if (user?.event?.position) return user.event.position.commit;
      const last: { commit: bigint } | undefined = page[page.length - 1]?.event?.position;
      if (page.length < 50 || !last) return -1n;
      scanned += page.length;
      from = last.commit;
    }
    return -1n;
  }

  async ping(): Promise<void> {
    await this.readAllPage(false, END, 1);
  }

  async close(): Promise<void> {
    // dispose() can hang on a half-finished stream; never let shutdown wait on it.
    await Promise.race([this.client.dispose().catch(() => undefined), new Promise((r) => setTimeout(r, DISPOSE_TIMEOUT_MS).unref())]);
  }

  /** A bounded read, read again from the start if the connection drops (reads have no side effects). */
  private async collect<E extends ResolvedEvent | AllStreamResolvedEvent>(read: () => AsyncIterable<E>, streamId: string): Promise<E[]> {
    const pause = new ReconnectPause(RETRY_FIRST_PAUSE_MS);
    for (let drops = 0; ; ) {
      const events: E[] = [];
      try {
        for await (const e of read()) events.push(e);
        return events;
      } catch (error) {
        if (isConnectionLost(error) && drops++ < CONNECTION_RETRIES) {
          await pause.wait();
          continue;
        }
        throw toPortError(error, streamId);
      }
    }
  }
}

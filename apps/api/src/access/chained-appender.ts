import { StreamNotFound, WrongExpectedVersion, chainEvents, lastHashOf } from '@liaison/event-store';
import type { EventStore, EventToAppend, JsonObject } from '@liaison/event-store';

type ChainedEvent = Required<Pick<EventToAppend, 'id'>> & { type: string; data: JsonObject; metadata: JsonObject };

interface Tail {
  /** -1n: the stream does not exist yet. */
  revision: bigint;
  hash: string | null;
}

interface Waiting {
  event: ChainedEvent;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface StreamState {
  tail: Tail | undefined;
  queue: Waiting[];
  flushing: boolean;
}

const RETRIES = 5;
const MAX_BATCH = 500;
/** Half a server's default MaxAppendSize (1 MiB of event data per append, ADR 22). */
const MAX_BATCH_BYTES = 512 * 1024;

/** How many queued records go into the next append: at least one, within MAX_BATCH and MAX_BATCH_BYTES. */
function batchLength(queue: Waiting[]): number {
  let bytes = 0;
  for (let n = 0; n < queue.length && n < MAX_BATCH; n++) {
    bytes += Buffer.byteLength(JSON.stringify(queue[n].event.data));
    if (bytes > MAX_BATCH_BYTES) return Math.max(n, 1);
  }
  return Math.min(queue.length, MAX_BATCH);
}
const MAX_TAILS = 1000;

/**
 * Appends single events to access streams (access-<country>-<day>-<replica>, ADR 21) with the hash
 * chain. Per stream, one append is in flight at a time and whatever arrived meanwhile goes in the next
 * one, chained in arrival order: EventStoreDB gives separate gRPC appends no order, so chaining each
 * on its own would make them overtake one another and fail their expected revisions. Batching keeps
 * the order and shares the round trip (group commit on SQLite). Expected revisions keep it honest: if
 * another process wrote (two processes given one REPLICA_ID), the batch re-reads the tail, re-chains
 * and tries again.
 */
export class ChainedAppender {
  private readonly streams = new Map<string, StreamState>();

  constructor(private readonly store: EventStore) {}

  append(streamId: string, event: ChainedEvent): Promise<void> {
    let state = this.streams.get(streamId);
    if (!state) {
      state = { tail: undefined, queue: [], flushing: false };
      this.streams.set(streamId, state);
    }
    const done = new Promise<void>((resolve, reject) => state.queue.push({ event, resolve, reject }));
    void this.flush(streamId, state);
    return done;
  }

  private async flush(streamId: string, state: StreamState): Promise<void> {
    if (state.flushing) return;
    state.flushing = true;
    try {
      while (state.queue.length > 0) {
        const batch = state.queue.splice(0, batchLength(state.queue));
        try {
          await this.appendBatch(streamId, state, batch.map((w) => w.event));
          for (const w of batch) w.resolve();
        } catch (e) {
          state.tail = undefined;
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      state.flushing = false;
      this.forgetIdle();
    }
  }

  /** Streams are per day: the tails of idle streams beyond the most recent MAX_TAILS are never needed again. */
  private forgetIdle(): void {
    if (this.streams.size <= MAX_TAILS) return;
    for (const [id, s] of this.streams) {
      if (this.streams.size <= MAX_TAILS) break;
      if (!s.flushing && s.queue.length === 0) this.streams.delete(id);
    }
  }

  private async appendBatch(streamId: string, state: StreamState, batch: ChainedEvent[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const tail = state.tail ?? (await this.readTail(streamId));
      const { events, last } = chainEvents(tail.hash, batch);
      try {
        await this.store.append(streamId, events, { expectedRevision: tail.revision < 0n ? 'no_stream' : tail.revision });
        state.tail = { revision: tail.revision + BigInt(batch.length), hash: last };
        return;
      } catch (e) {
        state.tail = undefined;
        if (!(e instanceof WrongExpectedVersion) || attempt >= RETRIES) throw e;
      }
    }
  }

  private async readTail(streamId: string): Promise<Tail> {
    try {
      const [last] = await this.store.readStream(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
      return last ? { revision: last.revision, hash: lastHashOf(last) } : { revision: -1n, hash: null };
    } catch (e) {
      if (e instanceof StreamNotFound) return { revision: -1n, hash: null };
      throw e;
    }
  }
}

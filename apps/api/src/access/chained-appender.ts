import { StreamNotFound, WrongExpectedVersion, chainEvents, lastHashOf } from '@liaison/event-store';
import type { AppendResult, EventStore, EventToAppend, JsonObject } from '@liaison/event-store';

interface Tail {
  /** -1n: the stream does not exist yet. */
  revision: bigint;
  hash: string | null;
}

const RETRIES = 5;
const MAX_TAILS = 1000;

/**
 * Appends single events to shared streams (access-<country>-<day>) with the hash chain. The tail
 * (last revision and hash) is advanced synchronously before the append is awaited, so concurrent
 * records chain one after another and still share one group commit instead of queueing on a lock.
 * Expected revisions keep it honest: if an append fails, or another process wrote, the callers
 * that chained on a stale tail get WrongExpectedVersion, drop the tail and re-read it.
 */
export class ChainedAppender {
  private readonly tails = new Map<string, Tail>();
  private readonly loading = new Map<string, Promise<Tail>>();

  constructor(private readonly store: EventStore) {}

  async append(streamId: string, event: Required<Pick<EventToAppend, 'id'>> & { type: string; data: JsonObject; metadata: JsonObject }): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      const tail = await this.tail(streamId);
      const { events, last } = chainEvents(tail.hash, [event]);
      this.remember(streamId, { revision: tail.revision + 1n, hash: last });
      try {
        return await this.store.append(streamId, events, { expectedRevision: tail.revision < 0n ? 'no_stream' : tail.revision });
      } catch (e) {
        this.tails.delete(streamId);
        if (!(e instanceof WrongExpectedVersion) || attempt >= RETRIES) throw e;
      }
    }
  }

  private async tail(streamId: string): Promise<Tail> {
    const known = this.tails.get(streamId);
    if (known) return known;
    let pending = this.loading.get(streamId);
    if (!pending) {
      pending = this.readTail(streamId).finally(() => this.loading.delete(streamId));
      this.loading.set(streamId, pending);
    }
    const loaded = await pending;
    // Another caller waiting on the same read may already have chained after it.
    return this.tails.get(streamId) ?? loaded;
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

  private remember(streamId: string, tail: Tail): void {
    this.tails.delete(streamId);
    this.tails.set(streamId, tail);
    // Streams are per day: yesterday's tails are never needed again.
    if (this.tails.size > MAX_TAILS) this.tails.delete(this.tails.keys().next().value as string);
  }
}

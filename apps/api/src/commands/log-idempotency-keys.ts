import { createHash, randomUUID } from 'node:crypto';
import { StreamNotFound, WrongExpectedVersion, chainEvents, lastHashOf } from '@liaison/event-store';
import type { EventStore, JsonObject, RecordedEvent } from '@liaison/event-store';
import type { ClaimOutcome, HeldKey, IdempotencyKeys, StoredResponse } from './idempotency-keys.js';

export const IDEMPOTENCY_KEY_CLAIMED = 'IdempotencyKeyClaimed' as const;
export const IDEMPOTENT_ANSWER_RECORDED = 'IdempotentAnswerRecorded' as const;
export const IDEMPOTENCY_KEY_RELEASED = 'IdempotencyKeyReleased' as const;

/** A holder that died mid-command stops blocking its key after this long (then a retry may run it). */
export const CLAIM_LEASE_MS = 30_000;

interface Tail { revision: bigint; hash: string | null; last: RecordedEvent | undefined }
interface Token { streamId: string; revision: bigint; hash: string | null }

/**
 * Idempotency keys for replicas sharing EventStoreDB: one small hash-chained stream per key,
 * `idempotency-<sha256 of the officer-scoped key>` (the key itself names the officer, so only its hash
 * is in the name). The stream's last event is the key's state: Claimed (a replica is running the
 * command), Answered (replay it), Released (the command failed; free). Claims append with an expected
 * revision, so of two replicas receiving one key at once exactly one runs the command (ADR 21).
 * Retention (`prune`) is applied when reading: an answer older than the window counts as absent.
 */
export class LogIdempotencyKeys implements IdempotencyKeys {
  private retainAfter = 0;

  constructor(private readonly store: EventStore) {}

  async claim(key: string, fingerprint: string, at: Date): Promise<ClaimOutcome> {
    const streamId = streamOf(key);
    for (let attempt = 0; attempt < 5; attempt++) {
      const tail = await this.tail(streamId);
      const answered = this.answerIn(tail.last);
      if (answered) return { kind: 'answered', stored: answered };
      if (tail.last?.type === IDEMPOTENCY_KEY_CLAIMED && at.getTime() - Date.parse(String(tail.last.data.claimedAt)) < CLAIM_LEASE_MS) {
        return { kind: 'busy', fingerprint: String(tail.last.data.fingerprint) };
      }
      try {
        const token = await this.write(streamId, tail, IDEMPOTENCY_KEY_CLAIMED, { fingerprint, claimedAt: at.toISOString() }, at);
        return { kind: 'held', held: { key, token } };
      } catch (e) {
        if (!(e instanceof WrongExpectedVersion)) throw e;
        // Another replica claimed or answered between our read and append: look again.
      }
    }
    return { kind: 'busy', fingerprint };
  }

  async answer(held: HeldKey, response: StoredResponse, at: Date): Promise<void> {
    await this.after(held, IDEMPOTENT_ANSWER_RECORDED, { ...response, answeredAt: at.toISOString() }, at);
  }

  async release(held: HeldKey, at: Date): Promise<void> {
    await this.after(held, IDEMPOTENCY_KEY_RELEASED, { releasedAt: at.toISOString() }, at);
  }

  async prune(olderThan: Date): Promise<number> {
    this.retainAfter = olderThan.getTime();
    return 0;
  }

  close(): void {
    // The store is the service's; it closes it.
  }

  private async after(held: HeldKey, type: string, data: JsonObject, at: Date): Promise<void> {
    const token = held.token as Token;
    try {
      await this.write(token.streamId, token, type, data, at);
    } catch (e) {
      // The lease ran out and another replica took the key over: its record stands.
      if (!(e instanceof WrongExpectedVersion)) throw e;
    }
  }

  private answerIn(last: RecordedEvent | undefined): StoredResponse | undefined {
    if (last?.type !== IDEMPOTENT_ANSWER_RECORDED) return undefined;
    const d = last.data;
    if (Date.parse(String(d.answeredAt)) < this.retainAfter) return undefined;
    return { fingerprint: String(d.fingerprint), status: Number(d.status), body: String(d.body) };
  }

  private async tail(streamId: string): Promise<Tail> {
    try {
      const [last] = await this.store.readStream(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
      return last ? { revision: last.revision, hash: lastHashOf(last), last } : { revision: -1n, hash: null, last: undefined };
    } catch (e) {
      if (e instanceof StreamNotFound) return { revision: -1n, hash: null, last: undefined };
      throw e;
    }
  }

  private async write(streamId: string, tail: Omit<Tail, 'last'>, type: string, data: JsonObject, at: Date): Promise<Token> {
    const id = randomUUID();
    const metadata = { actor: 'liaison-api', country: '', correlationId: id, causationId: id, occurredAt: at.toISOString() };
    const { events, last } = chainEvents(tail.hash, [{ id, type, data, metadata }]);
    const result = await this.store.append(streamId, events, { expectedRevision: tail.revision < 0n ? 'no_stream' : tail.revision });
    return { streamId, revision: result.nextExpectedRevision, hash: last };
  }
}

const streamOf = (key: string): string => `idempotency-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;

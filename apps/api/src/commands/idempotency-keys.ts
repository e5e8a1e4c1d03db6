export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

/** This process holds the key: run the command, then `answer` (or `release` when it failed). */
export interface HeldKey {
  key: string;
  /** Where the holder's next record goes (the log-backed keys' stream revision and hash). */
  token?: unknown;
}

export type ClaimOutcome =
  | { kind: 'answered'; stored: StoredResponse }
  /** Another process holds the key and has not answered yet. */
  | { kind: 'busy'; fingerprint: string }
  | { kind: 'held'; held: HeldKey };

/**
 * The first answer to each Idempotency-Key, so a retried command is a no-op. Two implementations: a
 * SQLite file beside the embedded store (one process writes it), and streams in the shared log for
 * EventStoreDB, where replicas must see each other's keys (ADR 21).
 */
export interface IdempotencyKeys {
  /** The stored answer, or the right to run the command for this key. */
  claim(key: string, fingerprint: string, at: Date): Promise<ClaimOutcome>;
  answer(held: HeldKey, response: StoredResponse, at: Date): Promise<void>;
  /** The command failed: nothing to replay, a retry may run it again. */
  release(held: HeldKey, at: Date): Promise<void>;
  /** Keys older than the retention window can no longer be replayed (clients retry within minutes). */
  prune(olderThan: Date): Promise<number>;
  close(): void;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

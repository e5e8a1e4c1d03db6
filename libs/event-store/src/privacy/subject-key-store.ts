import type { KeyLookup } from './envelope.js';
import type { Tombstone } from './privacy.errors.js';

/** The erasure that destroys a key: the id of the PersonalDataErased event and its business time. */
export interface ErasureRef {
  eventId: string;
  erasedAt: string;
}

/**
 * Where data subjects' keys live: outside the log, so that destroying one erases the subject's
 * personal values from every copy of the log at once (ADR 19). Batch calls, because an event has
 * several subjects and a KMS-backed store answers over the network.
 */
export interface SubjectKeyStore {
  /**
   * Each subject's key, created if it has none. Resolves only once every created key is durable, so an
   * event encrypted under it can never outlive it. Idempotent under concurrency (also across
   * processes): everyone gets the one key that was stored first. Throws SubjectErased for a subject
   * with a tombstone: an erased subject never comes back under a new key.
   */
  keysFor(subjects: readonly string[]): Promise<Map<string, Buffer>>;
  /** What the store knows of each subject, never creating anything: key, erasure tombstone, or missing. */
  lookup(subjects: readonly string[]): Promise<Map<string, KeyLookup>>;
  /**
   * Deletes the subject's key and leaves a tombstone (no key material). Idempotent: erasing again keeps
   * the first tombstone. Also for a subject that never had a key (its data predates encryption).
   */
  destroy(subject: string, erasure: ErasureRef): Promise<Tombstone>;
  /**
   * Optional reconcile checkpoint: the log position through which every erasure event has its tombstone
   * in this store (-1n: none checked). Without it, the reconciler scans the whole log each time.
   */
  erasuresAppliedThrough?(): Promise<bigint>;
  /** Optional: drop the subject's key from any in-memory cache (a reader met its erasure event). */
  forget?(subject: string): void;
  markErasuresAppliedThrough?(position: bigint): Promise<void>;
  close(): Promise<void>;
}

/**
 * The HSM/KMS seam: subject keys are stored wrapped by a key-encryption key that, in production, never
 * leaves the device. Erasure stays a row deletion (one KEK serves every subject). `subject` is passed so
 * a wrapper can bind it (e.g. as KMS encryption context).
 */
export interface KeyWrap {
  wrap(key: Buffer, subject: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, subject: string): Promise<Buffer>;
}

/** The default: keys stored as they are, protected by the file's permissions (0600) and the backup's encryption. */
export const UNWRAPPED: KeyWrap = {
  wrap: (key) => Promise.resolve(key),
  unwrap: (wrapped) => Promise.resolve(wrapped),
};

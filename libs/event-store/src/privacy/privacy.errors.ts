// What can go wrong when a personal value is opened, in the two kinds a reader must tell apart:
// the stored bytes are not what was written (an integrity failure, like a broken hash chain), or the
// key to read them is gone (erased on purpose, or lost with the key store). Messages name the subject
// and the field path, never a value: these errors end up in logs.

/** The envelope failed authentication (ciphertext, tag, IV or associated data changed) or is malformed. */
export class EnvelopeTampered extends Error {
  override readonly name = 'EnvelopeTampered';
  constructor(
    readonly eventId: string,
    readonly path: string,
  ) {
    super(`the encrypted value at "${path}" of event ${eventId} failed authentication`);
  }
}

/** Why a subject's key cannot be had: destroyed by an erasure (a tombstone says so), or simply not there. */
export type KeyUnavailableReason = 'erased' | 'missing';

/** The erasure that destroyed a subject's key: when, and which event recorded it. No key material. */
export interface Tombstone {
  subject: string;
  erasedAt: string;
  erasureEventId: string;
}

/**
 * The subject's key is not available. `erased`: destroyed by an erasure (see `tombstone`); the value is
 * gone for good, by design. `missing`: no key and no tombstone, so the key store was lost, restored
 * from an old backup, or is not the one this log was written with; an operator must look.
 */
export class SubjectKeyUnavailable extends Error {
  override readonly name = 'SubjectKeyUnavailable';
  constructor(
    readonly subject: string,
    readonly reason: KeyUnavailableReason,
    readonly tombstone?: Tombstone,
  ) {
    super(reason === 'erased' ? `the key of ${subject} was destroyed by an erasure` : `no key for ${subject} in the key store`);
  }
}

/** A key was asked to be created for a subject that has been erased: it must never come back under a new key. */
export class SubjectErased extends Error {
  override readonly name = 'SubjectErased';
  constructor(readonly tombstone: Tombstone) {
    super(`${tombstone.subject} was erased; no new key is created for it`);
  }
}

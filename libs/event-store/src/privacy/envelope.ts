import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import type { JsonValue } from '../event-store.port.js';
import { EnvelopeTampered, SubjectKeyUnavailable, type Tombstone } from './privacy.errors.js';

// One personal value, encrypted (ADR 19): AES-256-GCM, a fresh random 12-byte IV per value, and the
// event id, field path and subject id as associated data, so a ciphertext moved to another event,
// field or subject fails authentication. Stored in place of the value as a JSON object:
//   { "$enc": "v1", "s": "<subject id>", "iv": b64url(12 bytes), "ct": b64url, "tag": b64url(16 bytes) }
// An object rather than one string: a free-text value can look like any string, while no domain value
// is an object with a `$enc` key, so recognising an envelope can never misfire.

export const ENVELOPE_VERSION = 'v1';
export const ENVELOPE_KEY = '$enc';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export type Envelope = { $enc: 'v1'; s: string; iv: string; ct: string; tag: string };

/**
 * v2 (ADR 19's "one envelope per subject per event"): a subject's several values in one event sealed
 * together, under one IV and one GCM operation, because node:crypto's fixed cost per call, not AES, is
 * what a field costs. The head sits at the first path and lists every path (`p`, in the associated
 * data); each other path holds a pointer to the head. v1 envelopes stay readable forever.
 */
export type GroupHead = { $enc: 'v2'; s: string; p: string[]; iv: string; ct: string; tag: string };
export type GroupPointer = { $enc: 'v2'; s: string; in: string };
export type AnyEnvelope = Envelope | GroupHead | GroupPointer;

/** Where a value sits: the event it belongs to and its concrete path in the event's data (`grounds.0.reason`). */
export interface FieldAddress {
  eventId: string;
  path: string;
}

/** What the key store says about a subject: its key, the tombstone of its erasure, or nothing. */
export type KeyLookup =
  | { kind: 'key'; key: Buffer }
  | { kind: 'erased'; tombstone: Tombstone }
  | { kind: 'missing' };

export function isEnvelope(value: unknown): value is AnyEnvelope {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, ENVELOPE_KEY);
}

// IVs come from a pooled CSPRNG fill: one randomFillSync per 4,096 IVs instead of one randomBytes call
// per field (the call, not the entropy, was a third of a field's cost). IVs are not secret; each is
// used once, and createCipheriv copies it before the pool is refilled.
const ivPool = Buffer.alloc(IV_BYTES * 4096);
let ivOffset = ivPool.length;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

function associatedData(at: FieldAddress, subject: string): Buffer {
  return Buffer.from(`${ENVELOPE_VERSION}\0${at.eventId}\0${at.path}\0${subject}`, 'utf8');
}

/** Encrypts `value` (any JSON value; its JSON text is the plaintext) for `subject` under `key`. */
export function sealValue(key: Buffer, subject: string, value: JsonValue, at: FieldAddress): Envelope {
  const iv = nextIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(at, subject));
  const ct = cipher.update(JSON.stringify(value), 'utf8');
  cipher.final(); // GCM is a stream mode: final() produces no bytes, it computes the tag.
  return {
    $enc: ENVELOPE_VERSION,
    s: subject,
    iv: iv.toString('base64url'),
    ct: ct.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

function groupAssociatedData(eventId: string, paths: readonly string[], subject: string): Buffer {
  return Buffer.from(`v2\0${eventId}\0${paths.join('\u0001')}\0${subject}`, 'utf8');
}

/**
 * Seals one subject's values of one event together (`entries`: concrete path → value, two or more).
 * Returns what to store at each path: the head at the first, pointers at the others.
 */
export function sealGroup(key: Buffer, subject: string, eventId: string, entries: readonly (readonly [string, JsonValue])[]): Map<string, GroupHead | GroupPointer> {
  const paths = entries.map(([path]) => path);
  const iv = nextIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(groupAssociatedData(eventId, paths, subject));
  const ct = cipher.update(JSON.stringify(entries.map(([, value]) => value)), 'utf8');
  cipher.final();
  const out = new Map<string, GroupHead | GroupPointer>();
  out.set(paths[0], { $enc: 'v2', s: subject, p: paths, iv: iv.toString('base64url'), ct: ct.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') });
  for (const path of paths.slice(1)) out.set(path, { $enc: 'v2', s: subject, in: paths[0] });
  return out;
}

export const isGroupHead = (e: AnyEnvelope): e is GroupHead => e.$enc === 'v2' && Array.isArray((e as GroupHead).p);
export const isGroupPointer = (e: AnyEnvelope): e is GroupPointer => e.$enc === 'v2' && typeof (e as GroupPointer).in === 'string';

/** A group head's values by path, given what the key store said about its subject (errors as openEnvelope). */
export function openGroup(head: GroupHead, lookup: KeyLookup | undefined, at: FieldAddress): Map<string, JsonValue> {
  const paths = head.p;
  if (typeof head.s !== 'string' || !paths.every((p) => typeof p === 'string') || paths[0] !== at.path
    || ![head.iv, head.ct, head.tag].every((part) => typeof part === 'string' && BASE64URL.test(part))) {
    throw new EnvelopeTampered(at.eventId, at.path);
  }
  const plain = decrypt(head, lookup, groupAssociatedData(at.eventId, paths, head.s), at);
  const values = JSON.parse(plain) as JsonValue[];
  if (!Array.isArray(values) || values.length !== paths.length) throw new EnvelopeTampered(at.eventId, at.path);
  return new Map(paths.map((p, i) => [p, values[i]]));
}

function decrypt(e: { s: string; iv: string; ct: string; tag: string }, lookup: KeyLookup | undefined, aad: Buffer, at: FieldAddress): string {
  if (lookup === undefined || lookup.kind === 'missing') throw new SubjectKeyUnavailable(e.s, 'missing');
  if (lookup.kind === 'erased') throw new SubjectKeyUnavailable(e.s, 'erased', lookup.tombstone);
  const iv = Buffer.from(e.iv, 'base64url');
  const tag = Buffer.from(e.tag, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new EnvelopeTampered(at.eventId, at.path);
  try {
    const decipher = createDecipheriv(ALGORITHM, lookup.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const head = decipher.update(Buffer.from(e.ct, 'base64url'));
    return Buffer.concat([head, decipher.final()]).toString('utf8');
  } catch {
    // OpenSSL says only "unable to authenticate data": ciphertext, tag, IV, key or associated data.
    throw new EnvelopeTampered(at.eventId, at.path);
  }
}

/**
 * The value inside `envelope`, given what the key store said about its subject. Throws
 * SubjectKeyUnavailable (erased or missing key) or EnvelopeTampered (anything changed, or not an envelope
 * this version can read).
 */
export function openEnvelope(envelope: Envelope, lookup: KeyLookup | undefined, at: FieldAddress): JsonValue {
  if (!wellFormed(envelope)) throw new EnvelopeTampered(at.eventId, at.path);
  return JSON.parse(decrypt(envelope, lookup, associatedData(at, envelope.s), at)) as JsonValue;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function wellFormed(e: Envelope): boolean {
  return e.$enc === ENVELOPE_VERSION && typeof e.s === 'string' &&
    [e.iv, e.ct, e.tag].every((part) => typeof part === 'string' && BASE64URL.test(part));
}

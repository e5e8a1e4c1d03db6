import { hash as digest } from 'node:crypto';
import type { JsonObject, RecordedEvent } from './event-store.port.js';

/**
 * Tamper evidence: every event's metadata carries `chain: { prev, hash }`, where hash is SHA-256
 * over the canonical JSON of { data, metadata (without `chain`), prev, type } and prev is the hash
 * of the previous event of the same stream (null at revision 0). Editing, removing or reordering an
 * event breaks its own hash or its successor's prev. Canonical JSON (sorted keys, no whitespace)
 * makes the hash independent of how a store re-serialises the JSON it was given.
 */
export interface ChainLink {
  prev: string | null;
  hash: string;
}

export const CHAIN_KEY = 'chain';

/**
 * JSON with object keys sorted recursively; `omitKey` is dropped at the top level only. Chained
 * events are stored with sorted keys (see chainEvents), so on verification the common case is
 * "already sorted": checked in one pass and serialised by the native JSON.stringify.
 */
export function canonicalJson(value: unknown, omitKey?: string): string {
  let v = value;
  if (omitKey !== undefined && isObject(v) && Object.hasOwn(v, omitKey)) {
    const { [omitKey]: _omitted, ...rest } = v;
    v = rest;
  }
  return JSON.stringify(keysSorted(v) ? v : sortKeysDeep(v)) ?? 'null';
}

/** A deep copy with every object's keys in sorted order (JSON value unchanged). */
export function sortKeysDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeysDeep) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeysDeep((value as Record<string, unknown>)[k]);
  return out as T;
}

function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const x of value) if (!keysSorted(x)) return false;
    return true;
  }
  let prev: string | undefined;
  for (const k in value) {
    if (prev !== undefined && !(prev < k)) return false;
    prev = k;
    if (!keysSorted((value as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function eventHash(prev: string | null, type: string, data: JsonObject, metadata: JsonObject): string {
  return hashOfCanonical(prev, type, canonicalJson(data), canonicalJson(metadata, CHAIN_KEY));
}

function hashOfCanonical(prev: string | null, type: string, dataJson: string, metadataJson: string): string {
  const body = `{"data":${dataJson},"metadata":${metadataJson},"prev":${JSON.stringify(prev)},"type":${JSON.stringify(type)}}`;
  return digest('sha256', body, 'hex');
}

export function sha256Canonical(value: unknown): string {
  return digest('sha256', canonicalJson(value), 'hex');
}

/** The link stored in an event's metadata, or undefined when absent or malformed. */
export function chainOf(metadata: JsonObject): ChainLink | undefined {
  const c = metadata[CHAIN_KEY];
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return undefined;
  const { prev, hash } = c;
  if (typeof hash !== 'string' || (prev !== null && typeof prev !== 'string')) return undefined;
  return { prev, hash };
}

/**
 * The JSON text chainEvents already wrote for the objects it returns: the store serialises an event's
 * data and metadata for its writer, and those are the very strings the hash was taken over, so it
 * need not stringify them a second time. Weak: an entry lives as long as the event object does.
 */
const CHAINED_JSON = new WeakMap<object, string>();

/** JSON.stringify(value), reusing the text chainEvents produced for it. */
export function jsonOf(value: JsonObject): string {
  return CHAINED_JSON.get(value) ?? JSON.stringify(value);
}

/**
 * Stamps a batch about to be appended after `prev` (the stream's last hash, null for a new
 * stream). Returns new event objects; the input metadata object is not mutated (callers share it).
 */
export function chainEvents<E extends { type: string; data: JsonObject; metadata: JsonObject }>(
  prev: string | null,
  events: readonly E[],
): { events: E[]; last: string | null } {
  let last = prev;
  const out = events.map((e) => {
    const { [CHAIN_KEY]: _ignored, ...rest } = e.metadata;
    // Stored key-sorted: same JSON value, and verification takes the fast path in canonicalJson.
    const data = sortKeysDeep(e.data);
    const plain = sortKeysDeep(rest);
    // Fresh sorted copies: their plain JSON already is the canonical form (no second sortedness walk).
    const dataJson = JSON.stringify(data);
    const plainJson = JSON.stringify(plain);
    const hash = hashOfCanonical(last, e.type, dataJson, plainJson);
    const link = { prev: last, hash };
    const metadata = { ...plain, [CHAIN_KEY]: link };
    const stamped = { ...e, data, metadata };
    CHAINED_JSON.set(data, dataJson);
    // The link goes last, as the spread above puts it: the same text JSON.stringify(metadata) gives.
    CHAINED_JSON.set(metadata, `${plainJson.length > 2 ? `${plainJson.slice(0, -1)},` : '{'}"${CHAIN_KEY}":${JSON.stringify(link)}}`);
    last = hash;
    return stamped;
  });
  return { events: out, last };
}

/** The hash a stream's next event must name as prev, from the stream's last recorded event. */
export function lastHashOf(event: Pick<RecordedEvent, 'metadata'> | undefined): string | null {
  return event ? (chainOf(event.metadata)?.hash ?? null) : null;
}

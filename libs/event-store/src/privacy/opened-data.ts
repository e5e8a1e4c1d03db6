import type { JsonObject, JsonValue } from '../event-store.port.js';
import { isGroupHead, isGroupPointer, openEnvelope, openGroup, type AnyEnvelope, type Envelope, type KeyLookup } from './envelope.js';
import { replacedAt } from './field-policy.js';
import { EnvelopeTampered, SubjectKeyUnavailable } from './privacy.errors.js';

// One event's sealed data, opened (ADR 19). Decryption is eager: a lazy variant (a getter per sealed
// field, decrypted on first read) measured slower in a from-scratch rebuild (65-78 against 54-60 µs CPU
// per event), because read models read most personal fields anyway and the getters cost allocations.

/** What a reader sees in place of a value whose key is gone: erased on purpose, or unavailable (key store lost). */
export type Redacted = { $redacted: 'erased'; s: string; at: string } | { $redacted: 'unavailable'; s: string };

export const isRedacted = (value: unknown): value is Redacted =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, '$redacted');

/** How a read model shows a value it can no longer read (a column holds text, never a marker object). */
export const REDACTED_TEXT = { erased: '[erased]', unavailable: '[unavailable]' } as const;

export function withoutMarkers(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (isRedacted(value)) return REDACTED_TEXT[value.$redacted];
  if (Array.isArray(value)) return value.map(withoutMarkers);
  const out: JsonObject = {};
  for (const k in value) out[k] = withoutMarkers(value[k]);
  return out;
}

function redactedFor(e: SubjectKeyUnavailable): Redacted {
  return e.reason === 'erased' ? { $redacted: 'erased', s: e.subject, at: e.tombstone!.erasedAt } : { $redacted: 'unavailable', s: e.subject };
}

type Group = { subject: string; paths: readonly string[]; values: Map<string, JsonValue> | Redacted };
type Found = { path: string; envelope: AnyEnvelope };

/**
 * The event's data with every envelope opened, given the keys its subjects had when it was read. Group
 * heads are opened first: their values (or their redaction) answer the pointers at the group's other
 * paths. A data object holding a marker is remembered as such (`holdsRedaction`). Throws EnvelopeTampered.
 */
export function openedData(raw: JsonObject, eventId: string, found: readonly Found[], lookups: ReadonlyMap<string, KeyLookup>): JsonObject {
  let redacted = false;
  const opening = <T>(open: () => T): T | Redacted => {
    try {
      return open();
    } catch (e) {
      if (!(e instanceof SubjectKeyUnavailable)) throw e;
      redacted = true;
      return redactedFor(e);
    }
  };
  const values = new Map<string, JsonValue>();
  const groups = new Map<string, Group>();
  for (const { path, envelope } of found) {
    if (!isGroupHead(envelope)) continue;
    const opened = opening(() => openGroup(envelope, lookups.get(envelope.s), { eventId, path }));
    groups.set(path, { subject: envelope.s, paths: envelope.p, values: opened });
    values.set(path, opened instanceof Map ? opened.get(path)! : opened);
  }
  for (const { path, envelope } of found) {
    if (isGroupHead(envelope)) continue;
    if (isGroupPointer(envelope)) {
      // A pointer only names its head: it must be listed by that head (whose paths are authenticated) and share its subject.
      const group = groups.get(envelope.in);
      if (!group || group.subject !== envelope.s || !group.paths.includes(path)) throw new EnvelopeTampered(eventId, path);
      values.set(path, group.values instanceof Map ? group.values.get(path)! : group.values);
      continue;
    }
    values.set(path, opening(() => openEnvelope(envelope as Envelope, lookups.get(envelope.s), { eventId, path })));
  }
  const data = replacedAt(raw, values);
  if (redacted) MARKED.add(data);
  return data;
}

/** Data objects that hold a redaction marker: only decryption makes them, so a reader can skip the walk for all others. */
const MARKED = new WeakSet<object>();
export const holdsRedaction = (data: JsonObject): boolean => MARKED.has(data);

import type { JsonObject, JsonValue } from '../event-store.port.js';
import {
  isEnvelope, isGroupHead, isGroupPointer, openEnvelope, openGroup, sealGroup, sealValue, type AnyEnvelope, type Envelope, type KeyLookup,
} from './envelope.js';
import { valuesAt, replacedAt, type PersonalDataPolicy } from './field-policy.js';
import { EnvelopeTampered, SubjectKeyUnavailable } from './privacy.errors.js';
import type { SubjectKeyStore } from './subject-key-store.js';

// A whole event's data, encrypted per its type's policy and decrypted by the envelopes it holds
// (ADR 19). Keys are fetched in one batch for all events, then the crypto runs synchronously.
// Decryption needs no policy: a plaintext value (an event written before encryption) reads as itself.

/** What a reader sees in place of a value whose key is gone: erased on purpose, or unavailable (key store lost). */
export type Redacted = { $redacted: 'erased'; s: string; at: string } | { $redacted: 'unavailable'; s: string };

export const isRedacted = (value: unknown): value is Redacted =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, '$redacted');

/** How a read model shows a value it can no longer read (a column holds text, never a marker object). */
export const REDACTED_TEXT = { erased: '[erased]', unavailable: '[unavailable]' } as const;

function withoutMarkers(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (isRedacted(value)) return REDACTED_TEXT[value.$redacted];
  if (Array.isArray(value)) return value.map(withoutMarkers);
  const out: JsonObject = {};
  for (const k in value) out[k] = withoutMarkers(value[k]);
  return out;
}

function holdsMarker(value: JsonValue): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isRedacted(value)) return true;
  if (Array.isArray(value)) return value.some(holdsMarker);
  for (const k in value) if (holdsMarker(value[k])) return true;
  return false;
}

/**
 * The event with every redaction marker replaced by its text, for read models: a rebuild after an
 * erasure meets the person's events before the erasure itself, and a column must get text, not an
 * object. The erasure event that follows then clears the person's row (the same view as live). The
 * same event object comes back when it holds no marker (the common case: no copy).
 */
export function redactionsAsText<E extends { data: JsonObject }>(event: E): E {
  return holdsMarker(event.data) ? { ...event, data: withoutMarkers(event.data) as JsonObject } : event;
}

export interface EventData {
  /** The event id: part of every value's associated data, so it must be fixed before encrypting. */
  id: string;
  type: string;
  data: JsonObject;
}

interface Planned {
  path: string;
  value: JsonValue;
  subject: string;
}

function plan(policy: PersonalDataPolicy, event: EventData): Planned[] {
  const fields = policy[event.type];
  if (!fields?.length) return [];
  const planned: Planned[] = [];
  for (const field of fields) {
    for (const { path, value } of valuesAt(event.data, field.path)) {
      // Already an envelope: a seal run again over a partly sealed store leaves it as it is.
      if (!isEnvelope(value)) planned.push({ path, value, subject: field.subject(event.data) });
    }
  }
  return planned;
}

/**
 * The events with every personal value (per `policy`) replaced by its envelope, keys created as needed
 * (durable before this resolves). Events of types without personal fields come back as they were.
 */
export async function encryptEvents<E extends EventData>(policy: PersonalDataPolicy, keys: SubjectKeyStore, events: readonly E[]): Promise<E[]> {
  const plans = events.map((e) => plan(policy, e));
  const subjects = new Set<string>();
  for (const p of plans) for (const { subject } of p) subjects.add(subject);
  if (subjects.size === 0) return [...events];
  const found = await keys.keysFor([...subjects]);
  return events.map((event, i) => {
    if (plans[i].length === 0) return event;
    const sealed = new Map<string, JsonValue>();
    // One GCM operation per subject per event: a subject's several values go in one group (v2).
    const bySubject = new Map<string, Planned[]>();
    for (const p of plans[i]) bySubject.set(p.subject, [...(bySubject.get(p.subject) ?? []), p]);
    for (const [subject, fields] of bySubject) {
      const key = found.get(subject)!;
      if (fields.length === 1) sealed.set(fields[0].path, sealValue(key, subject, fields[0].value, { eventId: event.id, path: fields[0].path }));
      else for (const [path, envelope] of sealGroup(key, subject, event.id, fields.map((f) => [f.path, f.value] as const))) sealed.set(path, envelope);
    }
    return { ...event, data: replacedAt(event.data, sealed) };
  });
}

/** Every envelope in `value`, with its concrete path. */
function envelopesIn(value: JsonValue, at: string, out: { path: string; envelope: AnyEnvelope }[]): void {
  if (value === null || typeof value !== 'object') return;
  if (isEnvelope(value)) {
    out.push({ path: at, envelope: value });
    return;
  }
  const prefix = at === '' ? '' : `${at}.`;
  if (Array.isArray(value)) value.forEach((item, i) => envelopesIn(item, `${prefix}${i}`, out));
  else for (const k in value) envelopesIn(value[k], `${prefix}${k}`, out);
}

/**
 * The events with every envelope opened; a value whose subject was erased reads as
 * `{ $redacted: 'erased', s, at }`, one whose key is missing as `{ $redacted: 'unavailable', s }`.
 * Throws EnvelopeTampered when an envelope fails authentication: an integrity failure, never masked.
 */
export async function decryptEvents<E extends Omit<EventData, 'type'>>(keys: SubjectKeyStore, events: readonly E[]): Promise<E[]> {
  const found = events.map((e) => {
    const out: { path: string; envelope: AnyEnvelope }[] = [];
    envelopesIn(e.data, '', out);
    return out;
  });
  const subjects = new Set<string>();
  for (const list of found) for (const { envelope } of list) subjects.add(envelope.s);
  if (subjects.size === 0) return [...events];
  const lookups = await keys.lookup([...subjects]);
  return events.map((event, i) => (found[i].length === 0 ? event : { ...event, data: opened(event, found[i], lookups) }));
}

function redactedFor(e: SubjectKeyUnavailable): Redacted {
  return e.reason === 'erased' ? { $redacted: 'erased', s: e.subject, at: e.tombstone!.erasedAt } : { $redacted: 'unavailable', s: e.subject };
}

function opened(event: Omit<EventData, 'type'>, found: { path: string; envelope: AnyEnvelope }[], lookups: Map<string, KeyLookup>): JsonObject {
  const values = new Map<string, JsonValue>();
  // Group heads first: their values (or their redaction) answer the pointers at the group's other paths.
  const groups = new Map<string, { subject: string; paths: readonly string[]; values: Map<string, JsonValue> | Redacted }>();
  for (const { path, envelope } of found) {
    if (!isGroupHead(envelope)) continue;
    let opened: Map<string, JsonValue> | Redacted;
    try {
      opened = openGroup(envelope, lookups.get(envelope.s), { eventId: event.id, path });
    } catch (e) {
      if (!(e instanceof SubjectKeyUnavailable)) throw e;
      opened = redactedFor(e);
    }
    groups.set(path, { subject: envelope.s, paths: envelope.p, values: opened });
    values.set(path, opened instanceof Map ? opened.get(path)! : opened);
  }
  for (const { path, envelope } of found) {
    if (isGroupHead(envelope)) continue;
    if (isGroupPointer(envelope)) {
      // A pointer only names its head: it must be listed by that head (whose paths are authenticated) and share its subject.
      const group = groups.get(envelope.in);
      if (!group || group.subject !== envelope.s || !group.paths.includes(path)) throw new EnvelopeTampered(event.id, path);
      values.set(path, group.values instanceof Map ? group.values.get(path)! : group.values);
      continue;
    }
    try {
      values.set(path, openEnvelope(envelope as Envelope, lookups.get(envelope.s), { eventId: event.id, path }));
    } catch (e) {
      if (!(e instanceof SubjectKeyUnavailable)) throw e;
      values.set(path, redactedFor(e));
    }
  }
  return replacedAt(event.data, values);
}

import type { JsonObject, JsonValue } from '../event-store.port.js';
import { isEnvelope, sealGroup, sealValue, type AnyEnvelope } from './envelope.js';
import { valuesAt, replacedAt, type PersonalDataPolicy } from './field-policy.js';
import { holdsRedaction, openedData, withoutMarkers } from './opened-data.js';
import type { SubjectKeyStore } from './subject-key-store.js';
import { withEventData } from '../metadata-on-demand.js';

// A whole event's data, encrypted per its type's policy and decrypted by the envelopes it holds
// (ADR 19). Keys are fetched in one batch for all events, then the crypto runs synchronously.
// Decryption needs no policy: a plaintext value (an event written before encryption) reads as itself.

export { isRedacted, REDACTED_TEXT, type Redacted } from './opened-data.js';

const asText = new WeakMap<object, JsonObject>();

/**
 * The event with every redaction marker replaced by its text, for read models: a rebuild after an
 * erasure meets the person's events before the erasure itself, and a column must get text, not an
 * object. The erasure event that follows then clears the person's row (the same view as live). Only
 * decryption makes markers, and it remembers which data holds one: every other event comes back as it
 * was without a walk, and each marked one is converted once however many projections apply it.
 */
export function redactionsAsText<E extends { data: JsonObject }>(event: E): E {
  if (!holdsRedaction(event.data)) return event;
  let data = asText.get(event.data);
  if (!data) asText.set(event.data, (data = withoutMarkers(event.data) as JsonObject));
  return withEventData(event, data);
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
  return events.map((event, i) => {
    if (found[i].length === 0) return event;
    return withEventData(event, openedData(event.data, event.id, found[i], lookups));
  });
}

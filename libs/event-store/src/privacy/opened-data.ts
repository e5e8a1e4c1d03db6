import type { JsonObject, JsonValue } from '../event-store.port.js';
import { isGroupHead, isGroupPointer, openEnvelope, openGroup, type AnyEnvelope, type Envelope, type GroupHead, type KeyLookup } from './envelope.js';
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
const topOf = (path: string): string => {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
};

/** The envelopes of one event and the keys their subjects had when it was read; decrypts per top-level field. */
export class SealedData {
  private readonly byTop = new Map<string, { path: string; envelope: AnyEnvelope }[]>();
  private readonly heads = new Map<string, GroupHead>();
  private readonly groups = new Map<string, Group>();
  private readonly tops = new Map<string, JsonValue>();

  constructor(
    readonly raw: JsonObject,
    private readonly eventId: string,
    found: readonly { path: string; envelope: AnyEnvelope }[],
    private readonly lookups: ReadonlyMap<string, KeyLookup>,
  ) {
    for (const f of found) {
      const top = topOf(f.path);
      this.byTop.set(top, [...(this.byTop.get(top) ?? []), f]);
      if (isGroupHead(f.envelope)) this.heads.set(f.path, f.envelope);
    }
  }

  /** The top-level field `key` with every envelope in it opened (memoised). Throws EnvelopeTampered. */
  top(key: string): JsonValue {
    if (this.tops.has(key)) return this.tops.get(key)!;
    const values = new Map<string, JsonValue>();
    for (const { path, envelope } of this.byTop.get(key) ?? []) values.set(path, this.valueAt(path, envelope));
    const opened = replacedAt({ [key]: this.raw[key] }, values)[key];
    this.tops.set(key, opened);
    return opened;
  }

  /** Every field opened: a plain object; remembered as holding a marker when one of its subjects' keys is gone. */
  all(): JsonObject {
    const out: JsonObject = { ...this.raw };
    for (const key of this.byTop.keys()) out[key] = this.top(key);
    if (this.redacted) MARKED.add(out);
    return out;
  }

  private redacted = false;

  private valueAt(path: string, envelope: AnyEnvelope): JsonValue {
    if (isGroupHead(envelope)) return this.group(path).values instanceof Map ? (this.group(path).values as Map<string, JsonValue>).get(path)! : this.group(path).values as Redacted;
    if (isGroupPointer(envelope)) {
      // A pointer only names its head: it must be listed by that head (whose paths are authenticated) and share its subject.
      if (!this.heads.has(envelope.in)) throw new EnvelopeTampered(this.eventId, path);
      const group = this.group(envelope.in);
      if (group.subject !== envelope.s || !group.paths.includes(path)) throw new EnvelopeTampered(this.eventId, path);
      return group.values instanceof Map ? group.values.get(path)! : group.values;
    }
    try {
      return openEnvelope(envelope as Envelope, this.lookups.get(envelope.s), { eventId: this.eventId, path });
    } catch (e) {
      if (!(e instanceof SubjectKeyUnavailable)) throw e;
      this.redacted = true;
      return redactedFor(e);
    }
  }

  private group(headPath: string): Group {
    const known = this.groups.get(headPath);
    if (known) return known;
    const head = this.heads.get(headPath)!;
    let values: Map<string, JsonValue> | Redacted;
    try {
      values = openGroup(head, this.lookups.get(head.s), { eventId: this.eventId, path: headPath });
    } catch (e) {
      if (!(e instanceof SubjectKeyUnavailable)) throw e;
      this.redacted = true;
      values = redactedFor(e);
    }
    const group = { subject: head.s, paths: head.p, values };
    this.groups.set(headPath, group);
    return group;
  }
}

/** Data objects that hold a redaction marker: only decryption makes them, so a reader can skip the walk for all others. */
const MARKED = new WeakSet<object>();
export const holdsRedaction = (data: JsonObject): boolean => MARKED.has(data);

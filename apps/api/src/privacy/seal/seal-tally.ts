import type { FieldCount } from '../status/personal-field-count.js';

// The seal's accounting (ADR 19), kept apart from I/O so it can be checked on its own: what the copy
// wrote per stream (events, last revision, old and new head hash), what the check of the new store
// found, and the differences between the two that make a seal fail.

export interface StreamTally {
  events: number;
  lastRevision: number;
  /** The source stream's last chain hash. */
  oldHead: string | null;
  /** The new stream's last chain hash (over ciphertext). */
  newHead: string | null;
}

export interface CopyTotals {
  events: number;
  eventsWithPersonalData: number;
  fieldsSealed: number;
  fieldsAlreadySealed: number;
}

/** What the copy wrote, event by event in $all order. */
export class CopyTally {
  readonly streams = new Map<string, StreamTally>();
  readonly totals: CopyTotals = { events: 0, eventsWithPersonalData: 0, fieldsSealed: 0, fieldsAlreadySealed: 0 };
  /**
   * Events whose type the field policy does not know, per type (e.g. access records, kept in clear on
   * purpose; or a type from another version): copied as they are, and named in the manifest.
   */
  readonly notInPolicy = new Map<string, number>();

  /** Counts an event of a type the policy does not list. */
  unknownType(type: string): void {
    this.notInPolicy.set(type, (this.notInPolicy.get(type) ?? 0) + 1);
  }

  /** The hash the stream's next event chains to in the new store (null: its first event). */
  prevOf(streamId: string): string | null {
    return this.streams.get(streamId)?.newHead ?? null;
  }

  /**
   * One copied event. Throws when the stream's revisions do not follow on (the source was verified,
   * so this means the copy itself went wrong, e.g. pages read out of order).
   */
  record(streamId: string, revision: number, oldHash: string | null, newHash: string, fields: FieldCount): void {
    const s = this.streams.get(streamId);
    const expected = s ? s.lastRevision + 1 : 0;
    if (revision !== expected) throw new Error(`stream ${streamId}: revision ${revision} copied where ${expected} was due`);
    if (s) {
      s.events++;
      s.lastRevision = revision;
      s.oldHead = oldHash;
      s.newHead = newHash;
    } else {
      this.streams.set(streamId, { events: 1, lastRevision: revision, oldHead: oldHash, newHead: newHash });
    }
    this.totals.events++;
    if (fields.plain + fields.sealed > 0) this.totals.eventsWithPersonalData++;
    this.totals.fieldsSealed += fields.plain;
    this.totals.fieldsAlreadySealed += fields.sealed;
  }
}

/** What a pass over the new store found per stream: its events and its last chain hash. */
export class StoreTally {
  readonly streams = new Map<string, { events: number; head: string | null }>();
  events = 0;

  add(streamId: string, hash: string | null): void {
    const s = this.streams.get(streamId);
    if (s) {
      s.events++;
      s.head = hash;
    } else {
      this.streams.set(streamId, { events: 1, head: hash });
    }
    this.events++;
  }
}

/** Every way the new store differs from what the copy meant to write; empty when they agree. */
export function tallyMismatches(copy: CopyTally, found: StoreTally, limit = 20): string[] {
  const out: string[] = [];
  if (found.events !== copy.totals.events) out.push(`total events: copied ${copy.totals.events}, found ${found.events}`);
  if (found.streams.size !== copy.streams.size) out.push(`streams: copied ${copy.streams.size}, found ${found.streams.size}`);
  for (const [id, c] of copy.streams) {
    if (out.length >= limit) break;
    const f = found.streams.get(id);
    if (!f) out.push(`stream ${id}: missing in the new store`);
    else if (f.events !== c.events) out.push(`stream ${id}: copied ${c.events} events, found ${f.events}`);
    else if (f.head !== c.newHead) out.push(`stream ${id}: head hash differs from the one the copy computed`);
  }
  return out;
}

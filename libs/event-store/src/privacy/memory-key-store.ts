import { randomBytes } from 'node:crypto';
import { KEY_BYTES, type KeyLookup } from './envelope.js';
import { SubjectErased, type Tombstone } from './privacy.errors.js';
import type { ErasureRef, SubjectKeyStore } from './subject-key-store.js';

/** A key store in memory, for specs and benches: the port's semantics without a file. Counts its calls. */
export class InMemoryKeyStore implements SubjectKeyStore {
  readonly keys = new Map<string, Buffer>();
  readonly tombstones = new Map<string, Tombstone>();
  calls = { keysFor: 0, lookup: 0 };

  async keysFor(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    this.calls.keysFor++;
    const erased = subjects.find((s) => this.tombstones.has(s));
    if (erased !== undefined) throw new SubjectErased(this.tombstones.get(erased)!);
    const out = new Map<string, Buffer>();
    for (const s of subjects) {
      if (!this.keys.has(s)) this.keys.set(s, randomBytes(KEY_BYTES));
      out.set(s, this.keys.get(s)!);
    }
    return out;
  }

  async lookup(subjects: readonly string[]): Promise<Map<string, KeyLookup>> {
    this.calls.lookup++;
    const out = new Map<string, KeyLookup>();
    for (const s of subjects) {
      const key = this.keys.get(s);
      const tombstone = this.tombstones.get(s);
      out.set(s, key ? { kind: 'key', key } : tombstone ? { kind: 'erased', tombstone } : { kind: 'missing' });
    }
    return out;
  }

  async destroy(subject: string, erasure: ErasureRef): Promise<Tombstone> {
    this.keys.delete(subject);
    if (!this.tombstones.has(subject)) this.tombstones.set(subject, { subject, erasedAt: erasure.erasedAt, erasureEventId: erasure.eventId });
    return this.tombstones.get(subject)!;
  }

  async close(): Promise<void> {}
}

import { PersistentMap } from '../shared/persistent-map.js';
import type { DetentionState } from './case.state.js';

/**
 * A case's detentions with the open ones indexed by person. Recording a detention asks whether the
 * person is still held; scanning every detention for that cost ~100 µs on a case of 2,000 (ADR 26).
 * It reads as a map of the detentions alone (the index is not an entry), so the audit replay prints it
 * as before.
 *
 * The index answers as the scan did, for any history: the first open detention of the person in
 * recording order. The decider keeps one open detention per person, so a person's list holds one id;
 * histories it would not write (a detention recorded twice, or reopened) re-read that person's list
 * from the detentions instead of guessing.
 */
export class Detentions implements ReadonlyMap<string, DetentionState> {
  private constructor(
    private readonly all: PersistentMap<string, DetentionState>,
    /** personId → ids of that person's open detentions, in recording order. */
    private readonly openByPerson: PersistentMap<string, readonly string[]>,
  ) {}

  static empty(): Detentions {
    return new Detentions(PersistentMap.empty(), PersistentMap.empty());
  }

  get size(): number {
    return this.all.size;
  }

  get(detentionId: string): DetentionState | undefined {
    return this.all.get(detentionId);
  }

  has(detentionId: string): boolean {
    return this.all.has(detentionId);
  }

  /** The person's first open detention in recording order, if they are held. */
  openOf(personId: string): DetentionState | undefined {
    const ids = this.openByPerson.get(personId);
    return ids === undefined ? undefined : this.all.get(ids[0]);
  }

  /** The detention recorded (or, for a known id, replaced in its place). */
  record(detention: DetentionState): Detentions {
    const previous = this.all.get(detention.detentionId);
    const all = this.all.set(detention.detentionId, detention);
    if (previous === undefined) {
      // A new id comes last in recording order, so it goes last in the person's list.
      return new Detentions(all, detention.open ? this.withOpen(detention) : this.openByPerson);
    }
    return new Detentions(all, this.reindex(all, [previous.personId, detention.personId]));
  }

  /** The detention changed through `change`; an unknown id changes nothing. */
  update(detentionId: string, change: (detention: DetentionState) => DetentionState): Detentions {
    const previous = this.all.get(detentionId);
    if (previous === undefined) return this;
    const next = change(previous);
    const all = this.all.set(detentionId, next);
    if (previous.open === next.open && previous.personId === next.personId) return new Detentions(all, this.openByPerson);
    if (previous.open && !next.open && previous.personId === next.personId) return new Detentions(all, this.withoutOpen(previous));
    return new Detentions(all, this.reindex(all, [previous.personId, next.personId]));
  }

  private withOpen(detention: DetentionState): PersistentMap<string, readonly string[]> {
    const ids = this.openByPerson.get(detention.personId) ?? [];
    return this.openByPerson.set(detention.personId, [...ids, detention.detentionId]);
  }

  private withoutOpen(detention: DetentionState): PersistentMap<string, readonly string[]> {
    const ids = (this.openByPerson.get(detention.personId) ?? []).filter((id) => id !== detention.detentionId);
    return ids.length ? this.openByPerson.set(detention.personId, ids) : this.openByPerson.delete(detention.personId);
  }

  /** The persons' lists read again from the detentions, for the histories the decider never writes. */
  private reindex(all: PersistentMap<string, DetentionState>, personIds: readonly string[]): PersistentMap<string, readonly string[]> {
    let index = this.openByPerson;
    for (const personId of new Set(personIds)) {
      const ids = [...all.values()].filter((d) => d.open && d.personId === personId).map((d) => d.detentionId);
      index = ids.length ? index.set(personId, ids) : index.delete(personId);
    }
    return index;
  }

  entries(): MapIterator<[string, DetentionState]> {
    return this.all.entries();
  }

  keys(): MapIterator<string> {
    return this.all.keys();
  }

  values(): MapIterator<DetentionState> {
    return this.all.values();
  }

  [Symbol.iterator](): MapIterator<[string, DetentionState]> {
    return this.all.entries();
  }

  forEach(callback: (value: DetentionState, key: string, map: ReadonlyMap<string, DetentionState>) => void): void {
    this.all.forEach((v, k) => callback(v, k, this));
  }
}

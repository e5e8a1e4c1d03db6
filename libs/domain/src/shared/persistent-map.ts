// An immutable map for aggregate state that changes one event at a time. Copying a Map per event costs
// O(n): on a case of 2,000 detentions that copy was most of a command's decide + evolve (~100 µs).
// Here set and delete copy one path of a hash trie (16-way, so three or four short arrays for
// thousands of entries) and share the rest with the map they came from (ADR 26).
//
// Iteration follows Map's order exactly (insertion order; setting a present key keeps its place;
// deleting and setting again moves it to the end), because the audit replay prints the state in
// that order and a reproduced answer must hash the same as the original.
//
// The trie's shape depends only on the keys present (a leaf sits at the shallowest level its hash
// prefix is unique at, and deletes collapse what becomes a lone leaf), so two maps that went
// through the same changes are equal field by field, as Jest's toEqual compares them.

const BITS = 4;
const MASK = (1 << BITS) - 1;

/** One entry: a key, its value, its hash and its position in insertion order (`seq`). */
class Leaf<V> {
  constructor(readonly hash: number, readonly key: string, readonly value: V, readonly seq: number) {}
}

/** Entries whose keys hash alike (rare: two ids, one 32-bit hash). */
class Collision<V> {
  constructor(readonly hash: number, readonly leaves: readonly Leaf<V>[]) {}
}

class Branch<V> {
  constructor(readonly slots: readonly Slot<V>[]) {}
}

type Slot<V> = Leaf<V> | Collision<V> | Branch<V> | undefined;

const EMPTY_SLOTS: readonly undefined[] = new Array<undefined>(1 << BITS).fill(undefined);

/**
 * FNV-1a, 32 bits. Keys are ids chosen by users, so a collision is possible and handled (Collision).
 * Signed (`| 0`), not `>>> 0`: half of all unsigned 32-bit values lie outside V8's small integers, and
 * each such hash was a 16-byte heap number beside its leaf (~5% of a folded case; ADR 33). The trie
 * reads it with `>>>`, so the bits, and with them every map's shape, are the same.
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Two slots of different hashes under one new branch at `shift` (and deeper while they agree). */
function branchOf<V>(a: Leaf<V> | Collision<V>, b: Leaf<V> | Collision<V>, shift: number): Branch<V> {
  const slots = EMPTY_SLOTS.slice() as Slot<V>[];
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) slots[ia] = branchOf(a, b, shift + BITS);
  else [slots[ia], slots[ib]] = [a, b];
  return new Branch(slots);
}

/** Whether the last put added its key (a flag rather than a result object: one allocation less per change). */
let added = false;

/** The slot with `key` set; sets `added` when the key is new. */
function put<V>(slot: Slot<V>, shift: number, hash: number, key: string, value: V, seq: number): Slot<V> {
  if (slot === undefined) {
    added = true;
    return new Leaf(hash, key, value, seq);
  }
  if (slot instanceof Leaf) {
    if (slot.key === key) return new Leaf(hash, key, value, slot.seq);
    added = true;
    const leaf = new Leaf(hash, key, value, seq);
    return slot.hash === hash ? new Collision(hash, [slot, leaf]) : branchOf(slot, leaf, shift);
  }
  if (slot instanceof Collision) {
    if (slot.hash !== hash) {
      added = true;
      return branchOf(slot, new Leaf(hash, key, value, seq), shift);
    }
    const at = slot.leaves.findIndex((l) => l.key === key);
    const leaves = slot.leaves.slice();
    if (at < 0) {
      added = true;
      leaves.push(new Leaf(hash, key, value, seq));
    } else leaves[at] = new Leaf(hash, key, value, leaves[at].seq);
    return new Collision(hash, leaves);
  }
  const i = (hash >>> shift) & MASK;
  const slots = slot.slots.slice();
  slots[i] = put(slot.slots[i], shift + BITS, hash, key, value, seq);
  return new Branch(slots);
}

/** The branch's slots without `key`, or the same array when the key is absent. */
function removeFrom<V>(branch: Branch<V>, shift: number, hash: number, key: string): readonly Slot<V>[] {
  const i = (hash >>> shift) & MASK;
  const slot = branch.slots[i];
  let next: Slot<V>;
  if (slot === undefined) return branch.slots;
  if (slot instanceof Leaf) {
    if (slot.key !== key) return branch.slots;
    next = undefined;
  } else if (slot instanceof Collision) {
    if (slot.hash !== hash || !slot.leaves.some((l) => l.key === key)) return branch.slots;
    const rest = slot.leaves.filter((l) => l.key !== key);
    next = rest.length === 1 ? rest[0] : new Collision(hash, rest);
  } else {
    const slots = removeFrom(slot, shift + BITS, hash, key);
    if (slots === slot.slots) return branch.slots;
    next = canonical(slots);
  }
  const slots = branch.slots.slice();
  slots[i] = next;
  return slots;
}

/** A branch left with nothing is nothing, and one left with a single leaf (or collision) is that. */
function canonical<V>(slots: readonly Slot<V>[]): Slot<V> {
  let only: Slot<V>;
  let count = 0;
  for (const s of slots) if (s !== undefined && ++count === 1) only = s;
  if (count === 0) return undefined;
  if (count === 1 && !(only instanceof Branch)) return only;
  return new Branch(slots);
}

function collect<V>(slot: Slot<V>, into: Leaf<V>[]): void {
  if (slot === undefined) return;
  if (slot instanceof Leaf) into.push(slot);
  else if (slot instanceof Collision) into.push(...slot.leaves);
  else for (const s of slot.slots) collect(s, into);
}

const EMPTY_ROOT = new Branch<never>(EMPTY_SLOTS);

export class PersistentMap<K extends string, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly root: Branch<V>,
    readonly size: number,
    /** The next entry's position in insertion order. */
    private readonly nextSeq: number,
  ) {}

  static empty<K extends string, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(EMPTY_ROOT as Branch<V>, 0, 0);
  }

  static of<K extends string, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    let map = PersistentMap.empty<K, V>();
    for (const [k, v] of entries) map = map.set(k, v);
    return map;
  }

  private find(key: K): Leaf<V> | undefined {
    // Keys are strings, but a lookup may be handed what a request carried (a null id a DTO let
    // through): like Map, such a key is simply absent, never a TypeError (a 500 to the client).
    if (typeof key !== 'string') return undefined;
    const hash = hashKey(key);
    let slot: Slot<V> = this.root;
    for (let shift = 0; slot instanceof Branch; shift += BITS) slot = slot.slots[(hash >>> shift) & MASK];
    if (slot instanceof Leaf) return slot.key === key ? slot : undefined;
    return slot?.hash === hash ? slot.leaves.find((l) => l.key === key) : undefined;
  }

  get(key: K): V | undefined {
    return this.find(key)?.value;
  }

  has(key: K): boolean {
    return this.find(key) !== undefined;
  }

  /** A new map with `key` set; this one is unchanged. */
  set(key: K, value: V): PersistentMap<K, V> {
    added = false;
    const root = put(this.root, 0, hashKey(key), key, value, this.nextSeq) as Branch<V>;
    return new PersistentMap(root, added ? this.size + 1 : this.size, added ? this.nextSeq + 1 : this.nextSeq);
  }

  /** A new map without `key`, or this one when the key is absent. */
  delete(key: K): PersistentMap<K, V> {
    if (typeof key !== 'string') return this;
    const slots = removeFrom(this.root, 0, hashKey(key), key);
    return slots === this.root.slots ? this : new PersistentMap(new Branch(slots), this.size - 1, this.nextSeq);
  }

  /** The entry replaced through `change`; an absent key leaves the map as it is. */
  update(key: K, change: (value: V) => V): PersistentMap<K, V> {
    const entry = this.find(key);
    return entry === undefined ? this : this.set(key, change(entry.value));
  }

  private entryList(): [K, V][] {
    const all: Leaf<V>[] = [];
    collect(this.root, all);
    return all.sort((a, b) => a.seq - b.seq).map((e) => [e.key as K, e.value]);
  }

  entries(): MapIterator<[K, V]> {
    return this.entryList()[Symbol.iterator]();
  }

  keys(): MapIterator<K> {
    return this.entryList().map(([k]) => k)[Symbol.iterator]();
  }

  values(): MapIterator<V> {
    return this.entryList().map(([, v]) => v)[Symbol.iterator]();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entryList()) callback(v, k, this);
  }
}

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

interface Entry<V> {
  readonly key: string;
  readonly value: V;
  /** Position in insertion order. */
  readonly seq: number;
}

/** Every entry whose key hashes to `hash` (almost always one). */
class Leaf<V> {
  constructor(readonly hash: number, readonly entries: readonly Entry<V>[]) {}
}

class Branch<V> {
  constructor(readonly slots: readonly Slot<V>[]) {}
}

type Slot<V> = Leaf<V> | Branch<V> | undefined;

const EMPTY_SLOTS: readonly undefined[] = new Array<undefined>(1 << BITS).fill(undefined);

/**
 * Branches made during the current `inBatch` run. A fold of many events discards every state but the
 * last, so a branch it made itself may be changed in place instead of copied (a 4,500-event fold
 * took ~6 ms copying and ~2 ms like this); a branch it was given never is. Outside a batch, nothing is.
 */
let owned: WeakSet<object> | undefined;

/** Runs `run` with changes to the branches it makes done in place; for folds, whose inputs stay untouched. */
export function inBatch<T>(run: () => T): T {
  const outer = owned;
  owned ??= new WeakSet();
  try {
    return run();
  } finally {
    owned = outer;
  }
}

function made<V>(branch: Branch<V>): Branch<V> {
  owned?.add(branch);
  return branch;
}

/** FNV-1a, 32 bits. Keys are ids chosen by users, so a collision is possible and handled (Leaf). */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Two leaves of different hashes under one new branch at `shift` (and deeper while they agree). */
function branchOf<V>(a: Leaf<V>, b: Leaf<V>, shift: number): Branch<V> {
  const slots = EMPTY_SLOTS.slice() as Slot<V>[];
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) slots[ia] = branchOf(a, b, shift + BITS);
  else [slots[ia], slots[ib]] = [a, b];
  return made(new Branch(slots));
}

/** Whether the last put added its key (a flag rather than a result object: one allocation less per change). */
let added = false;

/** The slot with `key` set; sets `added` when the key is new. */
function put<V>(slot: Slot<V>, shift: number, hash: number, key: string, value: V, seq: number): Slot<V> {
  if (slot === undefined) {
    added = true;
    return new Leaf(hash, [{ key, value, seq }]);
  }
  if (slot instanceof Leaf) {
    if (slot.hash !== hash) {
      added = true;
      return branchOf(slot, new Leaf(hash, [{ key, value, seq }]), shift);
    }
    let at = slot.entries.length - 1;
    while (at >= 0 && slot.entries[at].key !== key) at--;
    if (at < 0) {
      added = true;
      return new Leaf(hash, [...slot.entries, { key, value, seq }]);
    }
    const entries = slot.entries.slice();
    entries[at] = { key, value, seq: entries[at].seq };
    return new Leaf(hash, entries);
  }
  const i = (hash >>> shift) & MASK;
  const child = put(slot.slots[i], shift + BITS, hash, key, value, seq);
  if (owned?.has(slot)) {
    (slot.slots as Slot<V>[])[i] = child;
    return slot;
  }
  const slots = slot.slots.slice();
  slots[i] = child;
  return made(new Branch(slots));
}

/** The branch's slots without `key`, or the same array when the key is absent. */
function removeFrom<V>(branch: Branch<V>, shift: number, hash: number, key: string): readonly Slot<V>[] {
  const i = (hash >>> shift) & MASK;
  const slot = branch.slots[i];
  let next: Slot<V>;
  if (slot === undefined) return branch.slots;
  if (slot instanceof Leaf) {
    if (slot.hash !== hash || !slot.entries.some((e) => e.key === key)) return branch.slots;
    const rest = slot.entries.filter((e) => e.key !== key);
    next = rest.length ? new Leaf(hash, rest) : undefined;
  } else {
    const slots = removeFrom(slot, shift + BITS, hash, key);
    if (slots === slot.slots) return branch.slots;
    next = canonical(slots);
  }
  const slots = branch.slots.slice();
  slots[i] = next;
  return slots;
}

/** A branch left with nothing is nothing, and one left with a single leaf is that leaf. */
function canonical<V>(slots: readonly Slot<V>[]): Slot<V> {
  let only: Slot<V>;
  let count = 0;
  for (const s of slots) if (s !== undefined && ++count === 1) only = s;
  if (count === 0) return undefined;
  if (count === 1 && only instanceof Leaf) return only;
  return new Branch(slots);
}

function collect<V>(slot: Slot<V>, into: Entry<V>[]): void {
  if (slot === undefined) return;
  if (slot instanceof Leaf) into.push(...slot.entries);
  else for (const s of slot.slots) collect(s, into);
}

export class PersistentMap<K extends string, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly root: Branch<V>,
    readonly size: number,
    /** The next entry's position in insertion order. */
    private readonly nextSeq: number,
  ) {}

  static empty<K extends string, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(new Branch(EMPTY_SLOTS), 0, 0);
  }

  static of<K extends string, V>(entries: Iterable<readonly [K, V]>): PersistentMap<K, V> {
    let map = PersistentMap.empty<K, V>();
    for (const [k, v] of entries) map = map.set(k, v);
    return map;
  }

  private find(key: K): Entry<V> | undefined {
    const hash = hashKey(key);
    let slot: Slot<V> = this.root;
    for (let shift = 0; slot instanceof Branch; shift += BITS) slot = slot.slots[(hash >>> shift) & MASK];
    if (slot === undefined || slot.hash !== hash) return undefined;
    for (const e of slot.entries) if (e.key === key) return e;
    return undefined;
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
    const slots = removeFrom(this.root, 0, hashKey(key), key);
    return slots === this.root.slots ? this : new PersistentMap(new Branch(slots), this.size - 1, this.nextSeq);
  }

  /** The entry replaced through `change`; an absent key leaves the map as it is. */
  update(key: K, change: (value: V) => V): PersistentMap<K, V> {
    const entry = this.find(key);
    return entry === undefined ? this : this.set(key, change(entry.value));
  }

  private entryList(): [K, V][] {
    const all: Entry<V>[] = [];
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

import { describe, expect, it } from '@jest/globals';
import { hashKey, PersistentMap } from './persistent-map.js';

/** Keys whose 32-bit hashes are equal (found by a birthday search), to exercise shared leaves. */
function collidingPairs(wanted: number): [string, string][] {
  const seen = new Map<number, string>();
  const pairs: [string, string][] = [];
  for (let i = 0; pairs.length < wanted; i++) {
    const key = `k${i}`;
    const other = seen.get(hashKey(key));
    if (other !== undefined) pairs.push([other, key]);
    else seen.set(hashKey(key), key);
  }
  return pairs;
}

function random(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

describe('PersistentMap', () => {
  const pairs = collidingPairs(3);

  it('answers as a Map does after any sequence of sets and deletes, in Map’s iteration order', () => {
    const keys = [...Array.from({ length: 300 }, (_, i) => `id-${i}`), ...pairs.flat(), '__proto__', ''];
    for (const seed of [1, 2, 3]) {
      const rnd = random(seed);
      let map = PersistentMap.empty<string, number>();
      const model = new Map<string, number>();
      for (let step = 0; step < 4000; step++) {
        const key = keys[rnd(keys.length)];
        if (rnd(3) === 0) {
          map = map.delete(key);
          model.delete(key);
        } else {
          map = map.set(key, step);
          model.set(key, step);
        }
        expect(map.get(key)).toBe(model.get(key));
        expect(map.has(key)).toBe(model.has(key));
        expect(map.size).toBe(model.size);
      }
      expect([...map]).toEqual([...model]);
      expect([...map.keys()]).toEqual([...model.keys()]);
      expect([...map.values()]).toEqual([...model.values()]);
      for (const key of keys) expect(map.has(key)).toBe(model.has(key));
    }
  });

  it('given a key that is not a string (a null id from a request), when looked up or deleted, then it is absent, as in a Map', () => {
    const map = PersistentMap.of<string, number>([['null', 1], ['undefined', 2]]);
    const model = new Map<unknown, number>([['null', 1], ['undefined', 2]]);
    for (const odd of [null, undefined, 42, {}] as unknown as string[]) {
      expect(map.has(odd)).toBe(model.has(odd));
      expect(map.get(odd)).toBe(model.get(odd));
      expect(map.delete(odd)).toBe(map);
      expect(map.update(odd, (v) => v + 1)).toBe(map);
    }
  });

  it('never changes the map a change was made on', () => {
    const base = PersistentMap.of<string, number>(Array.from({ length: 500 }, (_, i) => [`id-${i}`, i] as const));
    const before = [...base];
    base.set('id-3', -1).set('new', 0).delete('id-7').update('id-9', (v) => v * 2);
    expect([...base]).toEqual(before);
    expect(base.delete('absent')).toBe(base);
    expect(base.update('absent', (v) => v)).toBe(base);
  });

  it('keys with equal hashes live side by side and leave one another intact', () => {
    for (const [a, b] of pairs) {
      expect(hashKey(a)).toBe(hashKey(b));
      const both = PersistentMap.empty<string, string>().set(a, 'A').set(b, 'B');
      expect([both.get(a), both.get(b), both.size]).toEqual(['A', 'B', 2]);
      expect([...both.delete(a)]).toEqual([[b, 'B']]);
      expect([...both.set(a, 'A2')]).toEqual([[a, 'A2'], [b, 'B']]);
    }
  });

  it('hashes to signed 32-bit integers, which V8 keeps unboxed in each leaf (the FNV-1a bits unchanged)', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `key-${i}`);
    expect(keys.every((k) => hashKey(k) === (hashKey(k) | 0))).toBe(true);
    expect(keys.some((k) => hashKey(k) < 0)).toBe(true);
    expect(hashKey('a') >>> 0).toBe(0xe40c292c); // FNV-1a 32 of "a"
  });

  it('has one shape for one content, however it got there, so equal histories compare equal', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `id-${i}`);
    let grown = PersistentMap.empty<string, number>();
    for (const k of keys) grown = grown.set(k, 1);
    let shrunk = grown;
    for (const k of keys.slice(100)) shrunk = shrunk.delete(k);
    let direct = PersistentMap.empty<string, number>();
    for (const k of keys.slice(0, 100)) direct = direct.set(k, 1);
    // Same entries and same trie; only the next insertion position differs, as it must (Map order).
    expect((shrunk as unknown as { root: unknown }).root).toEqual((direct as unknown as { root: unknown }).root);
  });
});

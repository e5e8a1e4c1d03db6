import { describe, expect, it } from '@jest/globals';
import { KeyCache } from './key-cache.js';

const k = (n: number) => Buffer.alloc(32, n);

describe('KeyCache', () => {
  it('given more keys than its capacity, then it keeps the most recently used ones', () => {
    const cache = new KeyCache(2);
    cache.set('a', k(1));
    cache.set('b', k(2));
    expect(cache.get('a')).toEqual(k(1)); // a is now the most recent
    cache.set('c', k(3));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(k(1));
    expect(cache.get('c')).toEqual(k(3));
  });

  it('given a deleted subject, then it is gone; given capacity 0, then nothing is kept', () => {
    const cache = new KeyCache(4);
    cache.set('a', k(1));
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    const none = new KeyCache(0);
    none.set('a', k(1));
    expect(none.size).toBe(0);
  });
});

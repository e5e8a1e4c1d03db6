import { describe, expect, it } from '@jest/globals';
import { StateCache } from './state-cache.js';

describe('StateCache bounds', () => {
  it('given a cache of 3 streams, when a fourth is set, then the least recently used one goes', () => {
    const cache = new StateCache<string>(3);
    cache.set('a', 'A', 0n);
    cache.set('b', 'B', 0n);
    cache.set('c', 'C', 0n);
    cache.get('a');
    cache.set('d', 'D', 0n);
    expect(['a', 'b', 'c', 'd'].filter((s) => cache.get(s) !== undefined)).toEqual(['a', 'c', 'd']);
  });

  it('given a budget of 100 folded events, when long streams arrive, then short and recent ones stay within it', () => {
    const cache = new StateCache<string>(10_000, 100);
    cache.set('long-1', 'x', 59n); // 60 events
    cache.set('short', 'y', 9n); // 10 events
    expect(cache.events).toBe(70);
    cache.set('long-2', 'z', 39n); // 40 more: 110 > 100, so the least recently used (long-1) goes
    expect(cache.get('long-1')).toBeUndefined();
    expect(cache.get('short')?.state).toBe('y');
    expect(cache.get('long-2')?.state).toBe('z');
    expect(cache.events).toBe(50);
  });

  it('given a stream set again at a later revision, then its weight is replaced, not added', () => {
    const cache = new StateCache<number>(10_000, 100);
    for (let revision = 0n; revision < 90n; revision++) cache.set('s', Number(revision), revision);
    expect(cache.events).toBe(90);
    expect(cache.size).toBe(1);
    cache.delete('s');
    expect(cache.events).toBe(0);
  });

  it('given a stream longer than the whole budget, then it stays as the only entry while it is written', () => {
    const cache = new StateCache<string>(10_000, 100);
    cache.set('short', 'y', 0n);
    cache.set('huge', 'h', 499n);
    expect(cache.get('huge')?.revision).toBe(499n);
    expect(cache.size).toBe(1);
    expect(cache.events).toBe(500);
  });
});

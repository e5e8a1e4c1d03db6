import { describe, expect, it } from '@jest/globals';
import type { JsonObject } from '../event-store.port.js';
import { replacedAt, valuesAt } from './field-policy.js';

const data: JsonObject = {
  requestId: 'r-1',
  title: 'T',
  grounds: [{ ground: 'f', reason: 'first' }, { ground: 'g' }, { ground: 'h', reason: 'third' }],
  nested: { inner: { text: 'deep' } },
};

describe('valuesAt', () => {
  it('given top-level, nested and per-element paths, then it finds each value with its concrete path', () => {
    expect(valuesAt(data, 'title')).toEqual([{ path: 'title', value: 'T' }]);
    expect(valuesAt(data, 'nested.inner.text')).toEqual([{ path: 'nested.inner.text', value: 'deep' }]);
    expect(valuesAt(data, 'grounds.*.reason')).toEqual([
      { path: 'grounds.0.reason', value: 'first' },
      { path: 'grounds.2.reason', value: 'third' },
    ]);
  });

  it('given an absent optional field or a path through a non-container, then nothing', () => {
    expect(valuesAt(data, 'handlingText')).toEqual([]);
    expect(valuesAt(data, 'title.x')).toEqual([]);
    expect(valuesAt(data, 'nested.*.text')).toEqual([]);
    expect(valuesAt({ toString: 'own' } as JsonObject, 'valueOf')).toEqual([]); // never the prototype's
  });
});

describe('replacedAt', () => {
  it('given concrete paths, then a copy has them replaced and the original (and its nested parts) is untouched', () => {
    const before = JSON.stringify(data);
    const copy = replacedAt(data, new Map([['title', 'X'], ['grounds.2.reason', 'Y'], ['grounds.0.reason', 'Z']]));
    expect(copy).toEqual({ ...data, title: 'X', grounds: [{ ground: 'f', reason: 'Z' }, { ground: 'g' }, { ground: 'h', reason: 'Y' }] });
    expect(JSON.stringify(data)).toBe(before);
    expect(copy.nested).toBe(data.nested); // untouched branches are shared, not copied
  });
});

import { describe, expect, it } from '@jest/globals';
import { bumpHistogram, decodeHistogram, encodeHistogram } from './removal-histogram.js';

const pairs = (...xs: number[]): Int32Array => Int32Array.from(xs);

describe('removal histogram of one group', () => {
  it('keeps (hours, count) pairs sorted by hours, inserting where an hour is new', () => {
    let h = bumpHistogram(pairs(), 5, 1);
    h = bumpHistogram(h, 2, 1);
    h = bumpHistogram(h, 9, 1);
    h = bumpHistogram(h, 5, 1);
    expect([...h]).toEqual([2, 1, 5, 2, 9, 1]);
  });

  it('drops an hour whose count reaches zero, so equal states encode to equal bytes', () => {
    const h = bumpHistogram(bumpHistogram(pairs(2, 1, 5, 2), 2, -1), 5, -1);
    expect([...h]).toEqual([5, 1]);
    expect(encodeHistogram(bumpHistogram(pairs(5, 1), 5, -1)).byteLength).toBe(0);
    expect(encodeHistogram(h).equals(encodeHistogram(pairs(5, 1)))).toBe(true);
  });

  it('never changes the pairs it was given', () => {
    const h = pairs(1, 1, 3, 1);
    bumpHistogram(h, 3, 1);
    bumpHistogram(h, 2, 1);
    bumpHistogram(h, 1, -1);
    expect([...h]).toEqual([1, 1, 3, 1]);
  });

  it('round-trips through a BLOB, also from an unaligned Buffer', () => {
    const h = pairs(0, 3, 17, 1, 400, 2);
    expect([...decodeHistogram(encodeHistogram(h))]).toEqual([...h]);
    const unaligned = Buffer.concat([Buffer.from([9]), encodeHistogram(h)]).subarray(1);
    expect([...decodeHistogram(unaligned)]).toEqual([...h]);
    expect(decodeHistogram(undefined).length).toBe(0);
  });
});

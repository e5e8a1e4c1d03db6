import { describe, expect, it } from '@jest/globals';
import { sameOrErased } from './seal-verify.js';

describe('sameOrErased (the copy read back against the source)', () => {
  it('given equal JSON whatever the key order, then same; any difference in value, type, length or keys, then not', () => {
    expect(sameOrErased({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameOrErased({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameOrErased({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameOrErased({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(sameOrErased({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameOrErased({ a: null }, { a: {} })).toBe(false);
    expect(sameOrErased([1], { 0: 1 })).toBe(false);
  });

  it('given an "erased" marker in the copy, then it stands for whatever the source held there; an "unavailable" one does not', () => {
    const erased = { $redacted: 'erased', s: 'person:p-1', at: '2026-06-01T10:00:00.000Z' };
    expect(sameOrErased({ name: 'Aino', caseId: 'c-1' }, { name: erased, caseId: 'c-1' })).toBe(true);
    expect(sameOrErased({ name: 'Aino', caseId: 'c-1' }, { name: erased, caseId: 'c-2' })).toBe(false);
    expect(sameOrErased({ name: 'Aino' }, { name: { $redacted: 'unavailable', s: 'person:p-1' } })).toBe(false);
  });
});

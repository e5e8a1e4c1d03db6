import { describe, expect, it } from '@jest/globals';
import { COUNTERS, type Contribution } from './platform-responsiveness.contribution.js';
import { addToCell, decodeCell, encodeCell, type SubCell } from './responsiveness-cell.js';

const counted = (...set: number[]): number[] => COUNTERS.map((_, i) => (i === 0 || set.includes(i) ? 1 : 0));
const removedIn = (hours: number): Contribution => ({ counters: counted(1, 5), ttrHours: hours, pendingHour: null });
const pendingSince = (hour: number): Contribution => ({ counters: counted(1), ttrHours: null, pendingHour: hour });
const plain = (subs: SubCell[]) => subs.map((s) => ({ origin: s.origin, basis: s.basis, counters: [...s.counters], ttr: [...s.ttr], pending: [...s.pending] }));

describe('a pr_cells row: the (origin, basis) sub-cells of one platform and month', () => {
  it('keeps sub-cells sorted by origin then basis, whatever order they are first counted in', () => {
    let cell = addToCell([], 'SE', 'tos_referral', removedIn(5), 1);
    cell = addToCell(cell, 'DK', 'tos_referral', pendingSince(480_000), 1);
    cell = addToCell(cell, 'SE', 'removal_order', removedIn(0), 1);
    cell = addToCell(cell, 'SE', 'tos_referral', removedIn(2), 1);
    expect(cell.map((s) => `${s.origin} ${s.basis}`)).toEqual(['DK tos_referral', 'SE removal_order', 'SE tos_referral']);
    expect(plain(cell)[2]).toEqual({ origin: 'SE', basis: 'tos_referral', counters: counted(1, 5).map((n) => 2 * n), ttr: [2, 1, 5, 1], pending: [] });
    expect(plain(cell)[0].pending).toEqual([480_000, 1]);
  });

  it('drops a sub-cell whose referrals are all subtracted again, so equal states encode to equal bytes', () => {
    const one = addToCell([], 'DK', 'tos_referral', removedIn(3), 1);
    const twice = addToCell(addToCell(one, 'SE', 'tos_referral', pendingSince(7), 1), 'SE', 'tos_referral', pendingSince(7), -1);
    expect(plain(twice)).toEqual(plain(one));
    expect(encodeCell(twice)).toEqual(encodeCell(one));
    expect(addToCell(one, 'DK', 'tos_referral', removedIn(3), -1)).toEqual([]);
  });

  it('never changes the sub-cells it was given', () => {
    const before = addToCell([], 'SE', 'tos_referral', removedIn(4), 1);
    const copy = plain(before);
    addToCell(before, 'SE', 'tos_referral', removedIn(4), 1);
    addToCell(before, 'SE', 'tos_referral', removedIn(4), -1);
    expect(plain(before)).toEqual(copy);
  });

  it('round-trips through its labels and BLOB, also from an unaligned Buffer', () => {
    let cell = addToCell([], 'NO', 'removal_order', removedIn(1), 1);
    cell = addToCell(cell, 'FI', 'tos_referral', pendingSince(12), 1);
    cell = addToCell(cell, 'FI', 'tos_referral', removedIn(400), 1);
    const { labels, data } = encodeCell(cell);
    expect(JSON.parse(labels)).toEqual([['FI', 'tos_referral'], ['NO', 'removal_order']]);
    expect(plain(decodeCell(labels, data))).toEqual(plain(cell));
    const unaligned = Buffer.concat([Buffer.from([1]), data]).subarray(1);
    expect(plain(decodeCell(labels, unaligned))).toEqual(plain(cell));
    expect(decodeCell(undefined, undefined)).toEqual([]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { snapshotsToPrune } from './snapshot-pruning.js';

const at = (model: string, positions: number[], bytes = 10) => positions.map((p) => ({ model, position: BigInt(p), bytes }));

describe('snapshotsToPrune', () => {
  it('prunes nothing within the budget', () => {
    expect(snapshotsToPrune(at('cases', [100, 200, 300]), 30)).toEqual([]);
  });

  it('keeps the survivors evenly spread, and always the newest of each read model', () => {
    const pruned = snapshotsToPrune(at('cases', [100, 200, 300, 400, 500, 600, 700, 800]), 40).map((s) => Number(s.position));
    const kept = [100, 200, 300, 400, 500, 600, 700, 800].filter((p) => !pruned.includes(p));
    expect(kept).toHaveLength(4);
    expect(kept).toContain(800);
    const gaps = kept.map((p, i) => p - (i ? kept[i - 1] : -1));
    // Greedy, not optimal: the best spacing of 4 here has gaps of ~200; greedy stays within 1.5x of it.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300);
  });

  it('prunes across read models by the gap each snapshot closes', () => {
    const dense = at('cases', [10, 20, 30, 40]);
    const sparse = at('search', [1000, 2000]);
    const pruned = snapshotsToPrune([...dense, ...sparse], 40);
    expect(pruned.every((s) => s.model === 'cases')).toBe(true);
    expect(pruned).toHaveLength(2);
  });

  it('exceeds the budget rather than delete the newest snapshot of a read model', () => {
    expect(snapshotsToPrune([...at('cases', [100]), ...at('search', [100])], 5)).toEqual([]);
  });
});

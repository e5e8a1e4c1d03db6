import { describe, expect, it } from '@jest/globals';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { BUILD_COST, projectionGroups, projectionPollMs, projectionWorkerCount } from './projection-groups.js';

describe('projection worker settings', () => {
  it('PROJECTION_WORKERS takes 1 or 2 and refuses anything else', () => {
    expect(projectionWorkerCount({ PROJECTION_WORKERS: '1' })).toBe(1);
    expect(projectionWorkerCount({ PROJECTION_WORKERS: '2' })).toBe(2);
    expect(() => projectionWorkerCount({ PROJECTION_WORKERS: '3' })).toThrow(/PROJECTION_WORKERS/);
  });

  it('splits the read models over the threads by build cost: every one exactly once, loads within the lightest one of each other', () => {
    const groups = projectionGroups(2);
    expect(groups).toHaveLength(2);
    expect(groups.flat().sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
    const load = (g: string[]) => g.reduce((sum, n) => sum + (BUILD_COST[n] ?? 1), 0);
    const [a, b] = groups.map(load);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.min(...Object.values(BUILD_COST)));
    // The two heaviest never share a thread.
    const heaviest = Object.entries(BUILD_COST).sort((x, y) => y[1] - x[1]).slice(0, 2).map(([n]) => n);
    expect(groups.find((g) => g.includes(heaviest[0]))).not.toContain(heaviest[1]);
    expect(projectionGroups(1)).toEqual([ALL_PROJECTIONS.map((p) => p.name)]);
  });

  it('knows the cost of every read model the service runs', () => {
    expect(Object.keys(BUILD_COST).sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
  });

  it('PROJECTION_POLL_MS defaults to 250 and refuses values outside 10-600000', () => {
    expect(projectionPollMs({})).toBe(250);
    expect(projectionPollMs({ PROJECTION_POLL_MS: '600000' })).toBe(600_000);
    for (const bad of ['5', '600001', 'soon', '1.5']) expect(() => projectionPollMs({ PROJECTION_POLL_MS: bad })).toThrow(/PROJECTION_POLL_MS/);
  });
});

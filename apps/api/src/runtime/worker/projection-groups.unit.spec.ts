import { describe, expect, it } from '@jest/globals';
import { projectionGroups, projectionPollMs, projectionWorkerCount } from './projection-groups.js';

describe('projection worker settings', () => {
  it('PROJECTION_WORKERS takes 1 or 2 and refuses anything else', () => {
    expect(projectionWorkerCount({ PROJECTION_WORKERS: '1' })).toBe(1);
    expect(projectionWorkerCount({ PROJECTION_WORKERS: '2' })).toBe(2);
    expect(() => projectionWorkerCount({ PROJECTION_WORKERS: '3' })).toThrow(/PROJECTION_WORKERS/);
  });

  it('two groups put cases (with the access log) apart from the other read models; one group holds all', () => {
    const [first, second] = projectionGroups(2);
    expect(first.sort()).toEqual(['access-log', 'cases']);
    expect(second).toEqual(expect.arrayContaining(['detention-register', 'handlers-abroad', 'extradition-tracker']));
    expect(projectionGroups(1)).toHaveLength(1);
  });

  it('PROJECTION_POLL_MS defaults to 250 and refuses values outside 10-600000', () => {
    expect(projectionPollMs({})).toBe(250);
    expect(projectionPollMs({ PROJECTION_POLL_MS: '600000' })).toBe(600_000);
    for (const bad of ['5', '600001', 'soon', '1.5']) expect(() => projectionPollMs({ PROJECTION_POLL_MS: bad })).toThrow(/PROJECTION_POLL_MS/);
  });
});

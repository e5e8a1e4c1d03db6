import { describe, expect, it } from '@jest/globals';
import { dashboardPairs, type DashboardResult } from './dashboard.js';
import type { LoadResult } from './load.js';

const result = (requestsPerSec: number): LoadResult => ({ requestsPerSec, ok: requestsPerSec, non2xx: 0, errors: 0, p50: 1, p99: 2 });
const answers: DashboardResult = { answered: 1, failed: 0, failures: {}, p50: 1, p99: 1, byPath: {} };

/** A service whose rate falls by `drift` per run, and by the factor `effect` while the dashboard polls. */
function service(drift: number, effect: number) {
  let polling = false;
  let runs = 0;
  const calls: string[] = [];
  return {
    calls,
    run: async () => {
      calls.push(polling ? 'with' : 'without');
      return result((2000 - drift * runs++) * (polling ? effect : 1));
    },
    poll: () => {
      polling = true;
      return { stop: async () => { polling = false; return answers; } };
    },
  };
}

describe('dashboardPairs: commands/s with a polling dashboard ÷ without', () => {
  it('warms the dashboard up unmeasured, then runs without, with, without, … and ends without', async () => {
    // given a service, when three pairs run
    const s = service(0, 1);
    const r = await dashboardPairs(s.run, s.poll, 3);
    // then the first run is the warm-up with the dashboard, and every with-run sits between two without-runs
    expect(s.calls).toEqual(['with', 'without', 'with', 'without', 'with', 'without', 'with', 'without']);
    expect(r.pairs).toHaveLength(3);
  });

  it('does not count a steady drift of the service against the dashboard', async () => {
    // given a service slowing by 50 commands/s per run and a dashboard that costs nothing
    const s = service(50, 1);
    // when pairs run, then every ratio is 1 (without then with alone would give 0.97–0.98)
    const r = await dashboardPairs(s.run, s.poll, 3);
    for (const p of r.pairs) expect(p.ratio).toBeCloseTo(1, 10);
  });

  it('measures what the dashboard really costs, through the drift', async () => {
    // given a dashboard that takes 20% of the commands and the same drift
    const s = service(50, 0.8);
    // when pairs run, then the ratio is 0.8
    const r = await dashboardPairs(s.run, s.poll, 3);
    expect(r.ratio).toBeCloseTo(0.8, 10);
  });
});

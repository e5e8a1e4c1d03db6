import { percentile } from '../support/stats.js';

export interface DashboardResult {
  answered: number;
  failed: number;
  p50: number;
  p99: number;
}

/**
 * One dashboard that asks for the detention counts again as soon as it has its answer, as the web app
 * does while the read models keep advancing. Runs until the returned stop() is called.
 */
export function pollDashboard(url: string, token: string): { stop(): Promise<DashboardResult> } {
  let stopped = false;
  let failed = 0;
  const latencies: number[] = [];
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/v1/detentions/counts`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status === 200) latencies.push(performance.now() - t0);
      else failed++;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { answered: latencies.length, failed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    },
  };
}

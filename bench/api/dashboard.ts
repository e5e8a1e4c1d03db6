import { percentile } from '../support/stats.js';

export interface DashboardResult {
  answered: number;
  failed: number;
  p50: number;
  p99: number;
  /** Per endpoint: answers and their median latency. */
  byPath: Record<string, { answered: number; p50: number }>;
}

export interface DashboardOptions {
  /** Endpoints one refresh asks for, all at once as a view loading its panels does. */
  paths?: readonly string[];
  /** Refresh at most this often; 0 asks again as soon as the last answer arrived. */
  everyMs?: number;
  headers?: Record<string, string>;
}

/**
 * One dashboard that refreshes until the returned stop() is called. By default it asks for the
 * detention counts again as soon as it has its answer, as the web app does while the read models keep
 * advancing; a view on a timer passes its panels' endpoints and `everyMs`.
 */
export function pollDashboard(url: string, token: string, options: DashboardOptions = {}): { stop(): Promise<DashboardResult> } {
  const { paths = ['/api/v1/detentions/counts'], everyMs = 0, headers = {} } = options;
  let stopped = false;
  let failed = 0;
  let wake: (() => void) | undefined;
  const latencies: number[] = [];
  const perPath = new Map<string, number[]>(paths.map((p) => [p, []]));
  const ask = async (p: string) => {
    const t0 = performance.now();
    const res = await fetch(`${url}${p}`, { headers: { ...headers, authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status === 200) {
      latencies.push(ms);
      perPath.get(p)!.push(ms);
    } else failed++;
  };
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      await Promise.all(paths.map(ask));
      const wait = everyMs - (performance.now() - started);
      if (wait > 0 && !stopped) await new Promise<void>((r) => { wake = r; setTimeout(r, wait); });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      const byPath = Object.fromEntries([...perPath].map(([p, ms]) => [p, { answered: ms.length, p50: percentile(ms, 50) }]));
      return { answered: latencies.length, failed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), byPath };
    },
  };
}

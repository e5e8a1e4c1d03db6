import { fmtInt, fmtMs, fmtRatio, median, percentile } from '../support/stats.js';
import type { LoadResult } from './load.js';

/** Issue 16: commands/s with a dashboard polling every view once a second ÷ without, at 10 connections. */
export const DASHBOARD_RATIO_TARGET = 0.9;

/**
 * Every view of the web app (apps/web/src/views) as one refresh asks for it: the Overview's four
 * aggregates (the over-time chart's twelve ISO weeks, from a Monday midnight as the web app asks them
 * in UTC), the Deadlines board, custody reviews due, the case, request, referral and retention lists,
 * the Platforms view's three panels and the Art. 18 statistics. Lists ask with a purpose, as the web
 * app does once the officer stated one.
 */
export function everyView(at: Date): string[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;
  const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
  // The web app asks for weeks starting at a Monday midnight in the officer's zone (apps/web/src/time/zone.ts).
  const today = Math.floor(at.getTime() / day) * day;
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * day;
  return [
    '/api/v1/detentions/counts',
    `/api/v1/detentions/over-time${q({ from: iso(monday - 11 * 7 * day), to: iso(monday), bucket: 'week' })}`,
    '/api/v1/handlers/counts',
    '/api/v1/extraditions/counts',
    '/api/v1/deadlines',
    `/api/v1/detentions/custody-reviews-due${q({ before: iso(at.getTime() + 7 * day) })}`,
    '/api/v1/cases',
    '/api/v1/information-requests',
    '/api/v1/referrals',
    '/api/v1/retention-reviews',
    '/api/v1/platforms/responsiveness',
    '/api/v1/referrals/overdue',
    '/api/v1/referrals/action-days',
    `/api/v1/statistics/information-exchange${q({ year: String(at.getUTCFullYear()) })}`,
  ];
}

export interface DashboardPairs {
  /** Each with-run, between the without-runs just before and just after it. */
  pairs: { before: LoadResult; with: LoadResult; after: LoadResult; dashboard: DashboardResult; ratio: number }[];
  /** Median of the pairs' ratios. */
  ratio: number;
}

/**
 * The same command load, alternately without and with `poll` beside it: without, with, without, with,
 * …, without. Each with-run is compared with the mean of the without-runs either side of it, so a
 * steady drift of the machine or of the service (its log and caches grow with every command) cancels
 * out; before, each pair ran without then with, and any downward drift counted against the dashboard.
 * One unmeasured run with the dashboard comes first. It does for the dashboard's code what the command
 * warm-up does for the commands': the first refresh of every view runs cold (query statements
 * prepared, read paths compiled), and its answers' p99 was 300–500 ms against ~100 ms afterwards.
 */
export async function dashboardPairs(run: () => Promise<LoadResult>, poll: () => { stop(): Promise<DashboardResult> }, pairs: number): Promise<DashboardPairs> {
  const beside = async () => {
    const poller = poll();
    const load = await run();
    return { load, dashboard: await poller.stop() };
  };
  await beside();
  const out: DashboardPairs['pairs'] = [];
  let before = await run();
  for (let k = 0; k < pairs; k++) {
    const withIt = await beside();
    const after = await run();
    const ratio = withIt.load.requestsPerSec / ((before.requestsPerSec + after.requestsPerSec) / 2);
    out.push({ before, with: withIt.load, after, dashboard: withIt.dashboard, ratio });
    before = after;
  }
  return { pairs: out, ratio: median(out.map((p) => p.ratio)) };
}

/** The bench's lines for the dashboard target, PASS/MISS on the median ratio. */
export function dashboardVerdict({ pairs, ratio }: DashboardPairs): string {
  const lines = pairs.map(({ dashboard: d, ratio: r, before, with: w, after }) => {
    const slowest = Object.entries(d.byPath).sort((a, b) => b[1].p50 - a[1].p50).slice(0, 3)
      .map(([p, x]) => `${p.split('?')[0]} ${fmtMs(x.p50)}`).join(', ');
    return `  ${fmtInt(before.requestsPerSec)} without → ${fmtInt(w.requestsPerSec)} with → ${fmtInt(after.requestsPerSec)} without commands/s (${fmtRatio(r)}); dashboard ${fmtInt(d.answered)} answers ` +
      `(${fmtInt(d.failed)} failed${d.failed ? ` ${JSON.stringify(d.failures)}` : ''}), p50 ${fmtMs(d.p50)}, p99 ${fmtMs(d.p99)}; slowest p50: ${slowest}`;
  });
  const endpoints = Object.keys(pairs[0]?.dashboard.byPath ?? {}).length;
  return [`dashboard polling every view (${endpoints} endpoints) once a second beside 10 connections, after one unmeasured run with it (warm-up), ${pairs.length} runs with it, each against the mean of the runs without it just before and after:`, ...lines,
    `commands/s with it ÷ without (median of the ${pairs.length}): ${fmtRatio(ratio)} (target ≥ ${DASHBOARD_RATIO_TARGET}: ${ratio >= DASHBOARD_RATIO_TARGET ? 'PASS' : 'MISS'})`].join('\n');
}

export interface DashboardResult {
  answered: number;
  failed: number;
  /** Failed answers per endpoint and status. */
  failures: Record<string, number>;
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
  const failures = new Map<string, number>();
  const ask = async (p: string) => {
    const t0 = performance.now();
    const res = await fetch(`${url}${p}`, { headers: { ...headers, authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status === 200) {
      latencies.push(ms);
      perPath.get(p)!.push(ms);
      return;
    }
    failed++;
    const why = `${p.split('?')[0]} ${res.status}`;
    failures.set(why, (failures.get(why) ?? 0) + 1);
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
      return { answered: latencies.length, failed, failures: Object.fromEntries(failures), p50: percentile(latencies, 50), p99: percentile(latencies, 99), byPath };
    },
  };
}

import { productionStart } from '../support/production-start.js';
import { fmtInt, fmtMiB, fmtMs, summarise, verdict, type Summary } from '../support/stats.js';
import { renderTable } from '../support/table.js';
import type { CpuPerCommand } from '../api/thread-cpu.js';
import type { CacheMeta } from '../support/store-cache.js';
import type { RequestsBenchConfig } from './config.js';
import type { Viewer } from './queries.js';
import type { SeriesTimes } from './timing.js';

export type RequestsCacheMeta = CacheMeta & { requests: number; detentions: number; cases: number };

export interface RequestsResults {
  config: RequestsBenchConfig;
  cache: RequestsCacheMeta & { dir: string; reused: boolean; copyMs: number; bytes: number };
  startupMs: number;
  viewers: Viewer[];
  http: SeriesTimes[];
  /** GET /health over HTTP after each measured round: no auth, no query thread, no access record. */
  floor: Summary;
  inProcess: SeriesTimes[];
  /** CPU per answer over HTTP across all series, per thread role (the query thread counts as "other"). */
  cpuUs: CpuPerCommand | undefined;
  node: string;
  machine: { cpus: number; loadAtStart: number; loadDuringHttp: number[]; loadAtEnd: number };
  totalSeconds: number;
}

/** One table row per series: HTTP p50 / p99 judged against the target, in-process p50 / p99 beside it. */
export function seriesRows(http: readonly SeriesTimes[], inProcess: readonly SeriesTimes[], targetMs: number): string[][] {
  return http.map((h, k) => {
    const a = summarise(h.ms);
    const b = summarise(inProcess[k]?.ms ?? []);
    return [h.name, fmtInt(a.n), fmtMs(a.p50), fmtMs(a.p99), fmtMs(a.max), `${fmtMs(b.p50)} / ${fmtMs(b.p99)}`, h.size.toFixed(0), verdict(a.p99, targetMs, true)];
  });
}

const us = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? 'n/a' : `${Math.round(n)} µs`);

export function printReport(r: RequestsResults): void {
  const c = r.cache;
  console.log(`\nRequests — ${fmtInt(c.requests)} information requests, ${fmtInt(c.detentions)} detentions in ${fmtInt(c.cases)} cases stored (${fmtInt(c.events)} events); built service, embedded store${r.config.quick ? ' — QUICK' : ''}`);
  console.log(`Target: p99 ≤ ${fmtMs(r.config.targets.queryP99Ms)} over HTTP on the query thread.`);
  const f = r.floor;
  const floorRow = ['GET /health (HTTP floor: no auth, query thread or access record)', fmtInt(f.n), fmtMs(f.p50), fmtMs(f.p99), fmtMs(f.max), '—', '—', '—'];
  console.log(renderTable(['Query (HTTP, one at a time)', 'n', 'p50', 'p99', 'max', 'in-process p50 / p99', 'items', 'Verdict'],
    [...seriesRows(r.http, r.inProcess, r.config.targets.queryP99Ms), floorRow]));
  const cpu = r.cpuUs;
  for (const line of [
    '',
    `Viewers: ${r.viewers.map((v) => `${v.country} sees ${(v.share * 100).toFixed(1)}% of the board's items`).join(', ')} (the most and least seeing of the generated data's countries). ` +
      `"items" is the board page's length, or the statistics' received total.`,
    `HTTP includes auth, validation, the purpose (board), the access record appended to the log and awaited (both: the board as personal, the statistics as aggregate), the hop to the query thread and JSON; ` +
      `CPU per answer: total ${us(cpu?.total)}, request thread ${us(cpu?.request)}, other threads (query thread, writer) ${us(cpu?.other)}, projection threads ${us(cpu?.lowered)}.`,
    `Store: ${c.reused ? 'reused the cache' : 'built the cache'} ${c.dir} (${fmtMiB(c.bytes)}; built ${c.builtAt}: seeding ${(c.seedMs / 1000).toFixed(0)} s, ` +
      `the in-process read-model build ${(c.projectionBuildMs / 1000).toFixed(0)} s); copied in ${(c.copyMs / 1000).toFixed(1)} s; ` +
      `service start to caught up ${fmtMs(r.startupMs)}, started as start:prod (${Object.entries(productionStart().env).map(([k, v]) => `${k}=${v}`).join(' ') || 'no env'}).`,
    `Machine: ${r.machine.cpus} vCPUs shared with other work; load average ${r.machine.loadAtStart.toFixed(2)} at start, ${r.machine.loadDuringHttp.map((l) => l.toFixed(2)).join(' / ')} during the HTTP series, ${r.machine.loadAtEnd.toFixed(2)} at the end. ` +
      `Total ${r.totalSeconds.toFixed(0)} s, node ${r.node}.`,
  ]) console.log(line);
}

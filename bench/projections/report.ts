import { productionStart } from '../support/production-start.js';
import { renderTable } from '../support/table.js';
import { fmtInt, fmtMiB, fmtMs, median, percentile, ratePerSecond, verdict } from '../support/stats.js';
import type { ProjectionsBenchConfig } from './config.js';
import type { HostResults, Memory } from './child.js';
import type { LagResult } from './lag.js';
import type { RebuildRun, StartupRun } from './phases.js';
import type { WorkerHostInfo } from './worker-host.js';

export interface ProjectionsResults {
  config: ProjectionsBenchConfig;
  projections: { name: string; version: number }[];
  seed: { events: number; ms: number; head: string; storeBytes: number };
  rawRead: { events: number; ms: number; pageSize: number };
  rebuild: RebuildRun[];
  inProcess: HostResults;
  worker: (HostResults & { info: WorkerHostInfo }) | { info: WorkerHostInfo };
  /** Per child process: the seeding harness, the in-process host, the worker host. */
  memory: { seed: Memory; inProcess: Memory; worker?: Memory };
  totalSeconds: number;
  node: string;
  machine: { cpus: number; loadAtStart: number; loadAtEnd: number };
}

const perSec = (n: number): string => `${fmtInt(n)}/s`;
const rebuildRate = (r: RebuildRun): number => ratePerSecond(r.events, r.ms);

function hostRows(label: string, h: HostResults, mem: Memory, t: ProjectionsBenchConfig['targets']): string[][] {
  const s = h.startup.map((x) => x.ms);
  const p50 = percentile(h.lag.lagMs, 50);
  const p99 = percentile(h.lag.lagMs, 99);
  const replayed = Math.max(...h.startup.map((x) => x.behindAtStart));
  return [
    [`2. lag p50, commit → visible (${label})`, fmtMs(p50), '—', '—'],
    [`2. lag p99, commit → visible (${label})`, fmtMs(p99), `≤ ${fmtMs(t.lagP99Ms)}`, h.lag.timeouts ? 'MISS' : verdict(p99, t.lagP99Ms, true)],
    [
      `4. start-up at head, median of ${s.length} (${label})`, `${fmtMs(median(s))} (worst ${fmtMs(Math.max(...s))})`,
      `≤ ${fmtMs(t.startupMs)}, no replay`, replayed > 0 ? 'MISS' : verdict(Math.max(...s), t.startupMs, true),
    ],
    [`3. peak RSS, store + projections process (${label})`, fmtMiB(mem.maxRss), `≤ ${fmtMiB(t.rssBytes)}`, verdict(mem.maxRss, t.rssBytes, true)],
  ];
}

export function printReport(r: ProjectionsResults): void {
  const t = r.config.targets;
  const rates = r.rebuild.map(rebuildRate);
  const failed = r.rebuild.some((x) => x.errors.length > 0);
  // The target is for the build the service runs (its projection worker threads); a single-thread
  // in-process build is printed beside it for comparison, and judged only when the service's is missing.
  const serviceBuilt = 'rebuild' in r.worker && !!r.worker.rebuild?.length;
  const rows: string[][] = [
    ...(serviceBuilt ? [workerBuildRow(r, t)] : []),
    [
      `1. rebuild all ${r.projections.length} projections, ${fmtInt(r.seed.events)} events, one thread in-process${serviceBuilt ? ' (comparison)' : ''} (median of ${rates.length})`,
      perSec(median(rates)),
      serviceBuilt ? '—' : `≥ ${perSec(t.rebuildPerSecond)}`,
      failed ? 'MISS' : serviceBuilt ? '—' : verdict(median(rates), t.rebuildPerSecond),
    ],
    ...hostRows('in-process', r.inProcess, r.memory.inProcess, t),
    ...('lag' in r.worker && r.memory.worker ? hostRows('worker thread', r.worker, r.memory.worker, t) : []),
  ];
  console.log(`\nProjections — ${r.projections.map((p) => `${p.name} v${p.version}`).join(', ')}; SqliteEventStore file DB${r.config.sealed ? ', SEALED (personal fields encrypted)' : ''}${r.config.quick ? ' — QUICK (÷10)' : ''}`);
  console.log(renderTable(['Metric', 'Value', 'Target', 'Verdict'], rows));
  for (const line of notes(r)) console.log(line);
}

function workerBuildRow(r: ProjectionsResults, t: ProjectionsBenchConfig['targets']): string[] {
  const runs = ('rebuild' in r.worker && r.worker.rebuild) || [];
  const rates = runs.map(rebuildRate);
  const failed = runs.some((x) => x.errors.length > 0);
  return [
    `1. rebuild all ${r.projections.length} projections, ${fmtInt(r.seed.events)} events, as the service does (its projection worker threads, median of ${rates.length})`,
    perSec(median(rates)), `≥ ${perSec(t.rebuildPerSecond)}`, failed ? 'MISS' : verdict(median(rates), t.rebuildPerSecond),
  ];
}

function lagLine(label: string, l: LagResult): string {
  return `Lag ${label}: ${fmtInt(l.appends)} appends (${fmtInt(l.events)} events) at ${fmtInt(l.achievedPerSecond)}/s achieved; ` +
    `${fmtInt(l.lagMs.length)} samples after warm-up; max ${fmtMs(Math.max(...l.lagMs))}; p99.9 ${fmtMs(percentile(l.lagMs, 99.9))}; ` +
    `commit latency p50 ${fmtMs(percentile(l.commitMs, 50))} / p99 ${fmtMs(percentile(l.commitMs, 99))}; ` +
    `timeouts ${l.timeouts}, errors ${l.errors}; worst scheduler gap ${fmtMs(l.maxTickGapMs)}`;
}

function startupLine(label: string, s: StartupRun[]): string {
  return `Start-up ${label}: ${s.map((x) => `${fmtMs(x.ms)} (query ${fmtMs(x.firstQueryMs)}, caught up ${fmtMs(x.caughtUpMs)}, behind ${x.behindAtStart})`).join('; ')}`;
}

function notes(r: ProjectionsResults): string[] {
  const mem = (label: string, m: Memory | undefined): string => (m
    ? `${label} maxRSS ${fmtMiB(m.maxRss)} (${Object.entries(m.peakByPhase).map(([k, v]) => `${k} ${fmtMiB(v)}`).join(', ')})`
    : `${label} not run`);
  const raw = ratePerSecond(r.rawRead.events, r.rawRead.ms);
  const rates = r.rebuild.map(rebuildRate);
  const lines = [
    '',
    `Seed: ${fmtInt(r.seed.events)} generated case events (all 19 types) in ${(r.seed.ms / 1000).toFixed(1)} s; store file ${fmtMiB(r.seed.storeBytes)}.`,
    `Rebuild runs: ${r.rebuild.map((x, i) => `${perSec(rates[i])} (${(x.ms / 1000).toFixed(2)} s${x.errors.length ? `, ERRORS: ${x.errors.join('; ')}` : ''})`).join(', ')}.`,
    `Raw $all read in ${fmtInt(r.rawRead.pageSize)}-event pages (parse only): ${perSec(raw)}; the build runs at ${(median(rates) / raw * 100).toFixed(0)}% of it.`,
    lagLine('in-process', r.inProcess.lag),
    startupLine('in-process', r.inProcess.startup),
  ];
  if ('lag' in r.worker) lines.push(lagLine('worker', r.worker.lag), startupLine('worker', r.worker.startup));
  lines.push(
    `Worker host: ${r.worker.info.note}${r.worker.info.distBuiltAt ? ` (dist built ${r.worker.info.distBuiltAt})` : ''}; ` +
      `started with start:prod's environment (${Object.entries(productionStart().env).map(([k, v]) => `${k}=${v}`).join(' ') || 'none'}).`,
    `RSS (resourceUsage maxRSS per process; sampled peaks by phase): ${mem('seeding harness', r.memory.seed)}; ` +
      `${mem('in-process host', r.memory.inProcess)}; ${mem('worker host', r.memory.worker)}.`,
    `Machine: ${r.machine.cpus} vCPUs shared with other work; load ${r.machine.loadAtStart.toFixed(2)} → ${r.machine.loadAtEnd.toFixed(2)}. ` +
      'Absolute rates move with that load; the raw-read ratio and the repeated runs show how much.',
    `Total ${r.totalSeconds.toFixed(0)} s, node ${r.node}.`,
  );
  return lines;
}

import { renderTable } from '../support/table.js';
import { advantage, fmtInt, fmtMiB, fmtMs, fmtRatio, ratePerSecond, verdict } from '../support/stats.js';
import type { StoreBenchConfig } from './config.js';
import type { Throughput } from './workloads.js';

export interface SideResults {
  durability: string;
  single: Throughput;
  concurrent: Throughput;
  batch: Throughput;
  readAll: { seeded: number; seedMs: number; count: number; ms: number; complete: boolean };
  stream: { events: number; medianMs: number; samplesMs: number[] };
  /** Highest RSS sampled while this side's workloads ran (process-wide, so approximate). */
  peakRss: number;
}

export interface StoreResults {
  config: StoreBenchConfig;
  liaison: SideResults;
  emmett: SideResults;
  /** Group commits during the concurrent workload: appends ÷ commits is the fsync sharing achieved. */
  liaisonConcurrentCommits: { commits: number; appends: number };
  guard: { suppressedLogLines: number; escapedErrors: Record<string, number> };
  memory: { peakRss: number; maxRss: number; peakByPhase: Record<string, number> };
  totalSeconds: number;
  node: string;
  machine: { cpus: number; loadAtStart: number; loadAtEnd: number };
}

interface Row {
  metric: string;
  liaison: number;
  emmett: number;
  fmt: (n: number) => string;
  lowerIsBetter?: boolean;
  target?: number;
  ratioTarget?: number;
  /** Process-wide figures (RSS) cannot be split per side well enough for a ratio. */
  noRatio?: boolean;
  /** Overrides the value cells when a bare number would hide what matters (errors). */
  cells?: [string, string];
}

const rate = (t: Throughput): number => ratePerSecond(t.ok, t.elapsedMs);
const perSec = (n: number): string => `${fmtInt(n)}/s`;

function errorCell(t: Throughput): string {
  const attempts = t.ok + t.errors + t.unsettled;
  const failed = t.errors + t.unsettled;
  return `${fmtInt(failed)} / ${fmtInt(attempts)} (${((100 * failed) / Math.max(1, attempts)).toFixed(1)}%)`;
}

function rows(r: StoreResults): Row[] {
  const { liaison: l, emmett: e } = r;
  const n = r.config.stream.events.toLocaleString('en-US');
  return [
    { metric: '1. single appends, awaited', liaison: rate(l.single), emmett: rate(e.single), fmt: perSec, target: 3000, ratioTarget: 10 },
    { metric: `2. ${r.config.concurrent.appenders} concurrent appenders, ok`, liaison: rate(l.concurrent), emmett: rate(e.concurrent), fmt: perSec, target: 10_000 },
    {
      metric: '2. errors+unsettled / attempts', liaison: l.concurrent.errors + l.concurrent.unsettled,
      emmett: e.concurrent.errors + e.concurrent.unsettled, fmt: fmtInt, lowerIsBetter: true, target: 0,
      cells: [errorCell(l.concurrent), errorCell(e.concurrent)],
    },
    { metric: `3. events in ${r.config.batch.size}-event appends`, liaison: rate(l.batch), emmett: rate(e.batch), fmt: perSec, target: 30_000, ratioTarget: 4 },
    {
      metric: '4. $all read (paged)', liaison: ratePerSecond(l.readAll.count, l.readAll.ms),
      emmett: ratePerSecond(e.readAll.count, e.readAll.ms), fmt: perSec, target: 200_000,
    },
    {
      metric: `5. ${n}-event stream read, median`, liaison: l.stream.medianMs, emmett: e.stream.medianMs, fmt: fmtMs,
      lowerIsBetter: true, target: 60, ratioTarget: 3,
    },
    { metric: '6. peak RSS while running', liaison: l.peakRss, emmett: e.peakRss, fmt: fmtMiB, lowerIsBetter: true, noRatio: true },
  ];
}

function targetText(row: Row): string {
  if (row.target === undefined) return '—';
  const op = row.lowerIsBetter ? '≤' : '≥';
  return row.target === 0 ? '= 0' : `${op} ${row.fmt(row.target)}`;
}

export function printReport(r: StoreResults): void {
  const header = ['Metric', 'Liaison', 'emmett', 'Liaison ×', 'Target', 'Liaison', 'Ratio target', 'Ratio'];
  const body = rows(r).map((row) => {
    const adv = advantage(row.liaison, row.emmett, row.lowerIsBetter);
    const skipRatio = row.cells !== undefined || row.noRatio === true;
    return [
      row.metric,
      row.cells?.[0] ?? row.fmt(row.liaison),
      row.cells?.[1] ?? row.fmt(row.emmett),
      skipRatio ? '—' : fmtRatio(adv),
      targetText(row),
      verdict(row.liaison, row.target, row.lowerIsBetter),
      row.ratioTarget === undefined ? '—' : `≥ ${row.ratioTarget}×`,
      verdict(adv, row.ratioTarget),
    ];
  });
  console.log(`\nLiaison SqliteEventStore vs @event-driven-io/emmett-sqlite 0.38.5 — same process, file DBs${r.config.quick ? ' — QUICK (÷10)' : ''}`);
  console.log(renderTable(header, body));
  for (const line of notes(r)) console.log(line);
}

function notes(r: StoreResults): string[] {
  const { liaison: l, emmett: e, memory: m } = r;
  const codes = (t: Throughput): string => Object.entries(t.errorCodes).map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
  const seeded = (s: SideResults): string =>
    `${fmtInt(s.readAll.count)} events read (${fmtInt(s.readAll.seeded)} seeded in ${(s.readAll.seedMs / 1000).toFixed(1)} s = ` +
    `${perSec(ratePerSecond(s.readAll.seeded, s.readAll.seedMs))}; checksum ${s.readAll.complete ? 'ok' : 'MISMATCH'})`;
  return [
    '',
    'Liaison × = Liaison ÷ emmett for rates, emmett ÷ Liaison for latency: higher is better for Liaison. RSS per side = peak sampled while that side ran (process-wide, cumulative).',
    `Durability  Liaison: ${l.durability}`,
    `            emmett:  ${e.durability}`,
    'Before the rounds each side ran ~3 s of unmeasured single appends and 20 batch appends: code compiled, journal grown to its reused size.',
    `Single appends: Liaison ${fmtInt(l.single.ok)} in ${fmtMs(l.single.elapsedMs)}, emmett ${fmtInt(e.single.ok)} in ${fmtMs(e.single.elapsedMs)}; errors ${l.single.errors} / ${e.single.errors}`,
    `Concurrent  Liaison group commit: ${fmtInt(r.liaisonConcurrentCommits.appends)} appends in ${fmtInt(r.liaisonConcurrentCommits.commits)} transactions ` +
      `(${(r.liaisonConcurrentCommits.appends / Math.max(1, r.liaisonConcurrentCommits.commits)).toFixed(1)} appends per fsync)`,
    `Concurrent errors  Liaison: ${codes(l.concurrent)}; emmett: ${codes(e.concurrent)}; unsettled after grace: ${l.concurrent.unsettled} / ${e.concurrent.unsettled}`,
    `$all  Liaison: ${seeded(l)}`,
    `      emmett:  ${seeded(e)}${e.readAll.seeded < l.readAll.seeded ? ' — smaller count: seeding emmett with the full count was projected to exceed the budget; rates are compared' : ''}`,
    `      emmett-sqlite 0.38.5 has no store-level readAll; measured with its exported readMessagesBatch (what its consumers page with), page size ${r.config.pageSize} on both sides.`,
    `Stream read samples (ms)  Liaison: ${l.stream.samplesMs.map((x) => x.toFixed(1)).join(', ')}; emmett: ${e.stream.samplesMs.map((x) => x.toFixed(1)).join(', ')}`,
    `Memory (whole process): peak sampled RSS ${fmtMiB(m.peakRss)}, resourceUsage().maxRSS ${fmtMiB(m.maxRss)}`,
    `emmett noise contained: ${r.guard.suppressedLogLines} console.log lines suppressed, escaped errors: ${JSON.stringify(r.guard.escapedErrors)}`,
    'emmett opens and closes a sqlite3 connection per appendToStream/readStream call on a file DB; that cost is part of its public API.',
    `Total ${r.totalSeconds.toFixed(0)} s, node ${r.node}, ${r.machine.cpus} CPUs, 1-min load ${r.machine.loadAtStart.toFixed(2)} at start / ${r.machine.loadAtEnd.toFixed(2)} at end`,
  ];
}

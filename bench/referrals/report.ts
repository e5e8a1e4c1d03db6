import { productionStart } from '../support/production-start.js';
import { fmtInt, fmtMs, fmtRatio, median, verdict, type Summary } from '../support/stats.js';
import { renderTable } from '../support/table.js';
import type { CpuPerCommand } from '../api/thread-cpu.js';
import type { CommandPair } from './commands.js';
import type { ReferralsBenchConfig } from './config.js';
import type { ImportRun } from './import.js';
import type { ReferralsCacheMeta } from './store-cache.js';

export interface ReferralsResults {
  config: ReferralsBenchConfig;
  cache: ReferralsCacheMeta & { dir: string; reused: boolean; copyMs: number };
  /** Service start on the copied data dir until /ready reports the read models at head. */
  startupMs: number;
  imports: ImportRun[];
  /** The first import after start, unmeasured in the p50. */
  coldImport: ImportRun | undefined;
  importSummary: { total: Summary; answered: Summary; visible: Summary };
  http: Summary;
  /** CPU per responsiveness query over HTTP, per thread role (the query thread counts as "other"). */
  queryCpuUs: CpuPerCommand | undefined;
  inProcess: Summary & { rowsPerAnswer: number };
  pairs: CommandPair[];
  node: string;
  machine: { cpus: number; loadAtStart: number; loadAtEnd: number };
  totalSeconds: number;
}

const range = (s: Summary): string => `min ${fmtMs(s.min)}, max ${fmtMs(s.max)}`;
const us = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? 'n/a' : `${Math.round(n)} µs`);

/** Per pair, commands/s with the dashboard ÷ without; the median of the pairs is judged. */
export function dashboardRatios(pairs: readonly CommandPair[]): number[] {
  return pairs.map((p) => p.with.load.requestsPerSec / p.without.load.requestsPerSec);
}

export function printReport(r: ReferralsResults): void {
  const t = r.config.targets;
  const i = r.importSummary;
  const ratios = dashboardRatios(r.pairs);
  const ratio = median(ratios);
  const rate = (side: 'with' | 'without') => median(r.pairs.map((p) => p[side].load.requestsPerSec));
  const p99 = (side: 'with' | 'without') => median(r.pairs.map((p) => p[side].load.p99));
  const refused = r.pairs.reduce((n, p) => n + p.with.load.non2xx + p.without.load.non2xx + p.with.load.errors + p.without.load.errors, 0);
  const rows: string[][] = [
    [`1. action-day list of ${fmtInt(r.config.listRows)} rows, request → visible, p50 of ${i.total.n} (${range(i.total)})`, fmtMs(i.total.p50), `≤ ${fmtMs(t.importP50Ms)}`, verdict(i.total.p50, t.importP50Ms, true)],
    ['   request → 201, p50', `${fmtMs(i.answered.p50)} (${range(i.answered)})`, '—', '—'],
    ['   201 → visible (X-Min-Position), p50', `${fmtMs(i.visible.p50)} (${range(i.visible)})`, '—', '—'],
    [`2. responsiveness over HTTP (query thread), p99 of ${fmtInt(r.http.n)}`, fmtMs(r.http.p99), `≤ ${fmtMs(t.queryP99Ms)}`, verdict(r.http.p99, t.queryP99Ms, true)],
    ['   over HTTP, p50 / max', `${fmtMs(r.http.p50)} / ${fmtMs(r.http.max)}`, '—', '—'],
    [`   query function alone, in-process, p50 / p99 of ${fmtInt(r.inProcess.n)}`, `${fmtMs(r.inProcess.p50)} / ${fmtMs(r.inProcess.p99)}`, '—', '—'],
    [`3. referral commands/s at ${r.config.load.connections} connections, dashboard polling ÷ without (median of ${ratios.length})`, fmtRatio(ratio), `≥ ${fmtRatio(t.dashboardRatio)}`, refused ? 'MISS' : verdict(ratio, t.dashboardRatio)],
    ['   commands/s without / with, median', `${fmtInt(rate('without'))} / ${fmtInt(rate('with'))}`, '—', '—'],
    ['   command p99 without / with, median', `${fmtMs(p99('without'))} / ${fmtMs(p99('with'))}`, '—', '—'],
  ];
  console.log(`\nReferrals — ${fmtInt(r.cache.referrals)} referrals stored (${fmtInt(r.cache.events)} events); built service, embedded store${r.config.quick ? ' — QUICK' : ''}`);
  console.log(renderTable(['Metric', 'Value', 'Target', 'Verdict'], rows));
  for (const line of notes(r, ratios, refused)) console.log(line);
}

function notes(r: ReferralsResults, ratios: number[], refused: number): string[] {
  const dash = r.pairs.map((p) => p.dashboard);
  const cpu = r.queryCpuUs;
  const first = r.imports[0];
  return [
    '',
    `First import after start (warm-up, not in the p50): ${r.coldImport ? `${r.coldImport.totalMs.toFixed(0)} ms (${r.coldImport.answeredMs.toFixed(0)} + ${r.coldImport.visibleMs.toFixed(0)})` : 'n/a'}. ` +
    `Imports: ${r.imports.map((x) => `${x.totalMs.toFixed(0)} ms (${x.answeredMs.toFixed(0)} + ${x.visibleMs.toFixed(0)}, ${x.reads} read${x.reads > 1 ? 's' : ''})`).join('; ')}` +
      `${first ? `; each recorded ${Object.entries(first.recorded).map(([k, v]) => `${fmtInt(v)} ${k}`).join(', ')}` : ''}.`,
    `Responsiveness over HTTP includes auth, validation, the access record appended to the log and the hop to the query thread; ` +
      `CPU per query: total ${us(cpu?.total)}, request thread ${us(cpu?.request)}, other threads (query thread, writer) ${us(cpu?.other)}, projection threads ${us(cpu?.lowered)}. ` +
      `In-process answers hold ${r.inProcess.rowsPerAnswer.toFixed(0)} platform-month rows on average.`,
    `Command pairs (without → with, commands/s): ${r.pairs.map((p, k) => `${fmtInt(p.without.load.requestsPerSec)} → ${fmtInt(p.with.load.requestsPerSec)} (${fmtRatio(ratios[k])})`).join(', ')}; ` +
      `dashboard answers ${fmtInt(dash.reduce((n, d) => n + d.answered, 0))} (${fmtInt(dash.reduce((n, d) => n + d.failed, 0))} failed), p50 ${dash.map((d) => fmtMs(d.p50)).join(' / ')}, p99 ${dash.map((d) => fmtMs(d.p99)).join(' / ')}` +
      ` (p50 per endpoint, last pair: ${Object.entries(dash[dash.length - 1]?.byPath ?? {}).map(([p, x]) => `${p.replace('/api/v1/', '')} ${fmtMs(x.p50)}`).join(', ')})` +
      `${refused ? `; WARNING ${refused} commands refused or failed` : ''}.`,
    `CPU per command without / with the dashboard: ${r.pairs.map((p) => `${us(p.without.cpu?.total)} / ${us(p.with.cpu?.total)}`).join(', ')}.`,
    `Store: ${r.cache.reused ? 'reused the cache' : 'built the cache'} ${r.cache.dir} (built ${r.cache.builtAt}: seeding ${(r.cache.seedMs / 1000).toFixed(0)} s, ` +
      `the in-process read-model build ${(r.cache.projectionBuildMs / 1000).toFixed(0)} s); copied in ${(r.cache.copyMs / 1000).toFixed(1)} s; ` +
      `service start to caught up ${fmtMs(r.startupMs)}, started as start:prod (${Object.entries(productionStart().env).map(([k, v]) => `${k}=${v}`).join(' ') || 'no env'}).`,
    `Machine: ${r.machine.cpus} vCPUs shared with other work; load ${r.machine.loadAtStart.toFixed(2)} → ${r.machine.loadAtEnd.toFixed(2)}. Total ${r.totalSeconds.toFixed(0)} s, node ${r.node}.`,
  ];
}

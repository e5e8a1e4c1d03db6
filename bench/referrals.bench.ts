// `npm run bench -- referrals [--quick]`: the platform referral paths on the built service (embedded
// store, writer thread, start:prod's flags) over a store of 1M referrals (100k with --quick):
//   1. an action day's 2,145-item CSV list, request → visible in the day's progress (p50 ≤ 1 s);
//   2. the platform responsiveness aggregate through HTTP on the query thread (p99 ≤ 20 ms), and the
//      query function alone in-process for comparison;
//   3. 10-connection referral commands with and without a platforms dashboard polling once a second
//      (with ÷ without ≥ 0.9).
// The seeded data dir (log + read models the service built) is cached under the OS temp dir, see
// bench/referrals/store-cache.ts; each run works on a copy of it.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { mintDevToken } from '../apps/api/src/dev/dev-token.client.js';
import { caughtUp, officerTokens, startService } from './api/servers.js';
import { cpuPerCommand, threadCpu } from './api/thread-cpu.js';
import { makeTempDir, writeResult } from './support/files.js';
import { summarise } from './support/stats.js';
import { referralsBenchConfig } from './referrals/config.js';
import { cachedReferralStore, copyStore } from './referrals/store-cache.js';
import { timeImport, type ImportRun } from './referrals/import.js';
import { timeHttpQueries, timeInProcess } from './referrals/responsiveness.js';
import { activeReadModelFile } from './support/store-cache.js';
import { timeCommands } from './referrals/commands.js';
import { printReport, type ReferralsResults } from './referrals/report.js';
import { REFERRAL_COUNTRIES } from '../libs/projections/src/testing/referral-workload.js';

const say = (line: string): void => void process.stderr.write(`${line}\n`);

export async function run(args: string[]): Promise<void> {
  const cfg = referralsBenchConfig(args);
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  const cache = await cachedReferralStore(cfg.referrals, say);
  say(`${cache.reused ? 'reusing' : 'built'} cached store ${cache.dir} (${cache.meta.events.toLocaleString('en-US')} events, built ${cache.meta.builtAt})`);
  const tmp = makeTempDir('liaison-bench-referrals');
  try {
    const copyMs = copyStore(cache.dir, tmp.dir);
    say(`copied to ${tmp.dir} in ${(copyMs / 1000).toFixed(1)} s`);
    const t0 = performance.now();
    // The follow-up sweep is off: the generated log holds a backlog of overdue referrals a running
    // service would have swept long ago, and catching up on it is not what these targets are about.
    const service = await startService(tmp.dir, 0, undefined, { REFERRAL_FOLLOW_UP_SWEEP_MS: '0' });
    const pid = service.child.pid!;
    const imports: ImportRun[] = [];
    let httpMs: number[] = [];
    let queryCpuUs: ReturnType<typeof cpuPerCommand> = undefined;
    let pairs: Awaited<ReturnType<typeof timeCommands>> = [];
    let startupMs = Number.NaN;
    let cold: ImportRun | undefined;
    try {
      await caughtUp(service.url, 120_000);
      startupMs = performance.now() - t0;
      const tokens = Object.fromEntries(await Promise.all(REFERRAL_COUNTRIES.map(async (country) =>
        [country, await mintDevToken({ country, role: 'officer', sub: `bench-${country.toLowerCase()}`, dataDir: tmp.dir })] as const)));
      const officers = await officerTokens(tmp.dir, 10);

      say(`1/3 action-day imports: ${cfg.importRuns} × ${cfg.listRows} rows`);
      // The first list after start loads and optimises the import's code (~2× slower): timed apart, as the other suites warm up.
      cold = await timeImport(service.url, tokens.SE, cfg.listRows);
      say(`  first (cold) import: ${cold.totalMs.toFixed(0)} ms`);
      for (let i = 0; i < cfg.importRuns; i++) {
        const r = await timeImport(service.url, tokens.SE, cfg.listRows);
        imports.push(r);
        say(`  run ${i + 1}: ${r.totalMs.toFixed(0)} ms (201 after ${r.answeredMs.toFixed(0)} ms, visible ${r.visibleMs.toFixed(0)} ms later)`);
      }

      say(`2/3 responsiveness over HTTP: ${cfg.queries} queries`);
      const before = threadCpu(pid);
      httpMs = await timeHttpQueries(service.url, tokens, cfg.queries, cfg.queryWarmUp);
      queryCpuUs = cpuPerCommand(pid, before, threadCpu(pid), cfg.queries + cfg.queryWarmUp);

      say(`3/3 referral commands, ${cfg.load.connections} connections, ${cfg.load.pairs} pair(s) of ${cfg.load.seconds} s without / with the dashboard`);
      pairs = await timeCommands({ url: service.url, pid }, officers, tokens.SE, cfg.load);
    } finally {
      await service.stop();
    }
    say('in-process query timing');
    const inProcess = timeInProcess(activeReadModelFile(tmp.dir, 'platform-responsiveness'), cfg.queries, cfg.queryWarmUp, new Date().toISOString());
    const results: ReferralsResults = {
      config: cfg, cache: { ...cache.meta, dir: cache.dir, reused: cache.reused, copyMs }, startupMs,
      imports, coldImport: cold, importSummary: {
        total: summarise(imports.map((r) => r.totalMs)), answered: summarise(imports.map((r) => r.answeredMs)), visible: summarise(imports.map((r) => r.visibleMs)),
      },
      http: summarise(httpMs), queryCpuUs, inProcess: { ...summarise(inProcess.ms), rowsPerAnswer: inProcess.rows },
      pairs, node: process.version, machine: { cpus: cpus().length, loadAtStart, loadAtEnd: loadavg()[0] },
      totalSeconds: (performance.now() - started) / 1000,
    };
    printReport(results);
    console.log(`results: ${path.relative(process.cwd(), writeResult('referrals', results))}`);
  } finally {
    tmp.dispose();
  }
}

// `npm run bench -- requests [--quick]`: the deadlines board and the Art. 18 statistics on the built
// service (embedded store, query thread, start:prod's flags) with 100k information requests and 100k
// detentions stored (10k / 10k with --quick): p99 ≤ 20 ms over HTTP per query (issue 13), with the
// query functions alone in-process for comparison. The seeded data dir is cached under the OS temp dir
// (bench/support/store-cache.ts); each run works on a copy of it.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { mintDevToken } from '../apps/api/src/dev/dev-token.client.js';
import { caughtUp, startService } from './api/servers.js';
import { cpuPerCommand, threadCpu } from './api/thread-cpu.js';
import { makeTempDir, writeResult } from './support/files.js';
import { summarise } from './support/stats.js';
import { cachedStore, copyStore, dirBytes, type CacheMeta } from './support/store-cache.js';
import { requestsBenchConfig } from './requests/config.js';
import { seedRequests } from './requests/workload.js';
import { askPath, pickViewers, querySeries } from './requests/queries.js';
import { timeHttp, timeInProcess, viewerShares, type SeriesTimes } from './requests/timing.js';
import { printReport, type RequestsCacheMeta, type RequestsResults } from './requests/report.js';

type TokenCountry = Parameters<typeof mintDevToken>[0]['country'];

const say = (line: string): void => void process.stderr.write(`${line}\n`);

/** Bump when the generated data changes, so old caches are not reused. */
export const REQUESTS_DATA_VERSION = 1;

export async function run(args: string[]): Promise<void> {
  const cfg = requestsBenchConfig(args);
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  const target = { requests: cfg.requests, detentions: cfg.detentions };
  const cache = await cachedStore<Omit<RequestsCacheMeta, keyof CacheMeta>>({
    key: `requests-v${REQUESTS_DATA_VERSION}-${cfg.requests}-${cfg.detentions}`,
    what: `${cfg.requests.toLocaleString('en-US')} information requests and ${cfg.detentions.toLocaleString('en-US')} detentions`,
    // The generated business times are fixed (2024–2025), so the data does not age.
    maxAgeMs: 30 * 86_400_000,
    seed: (store, _until, onProgress) => seedRequests(store, target, onProgress),
  }, say);
  const bytes = dirBytes(cache.dir);
  say(`${cache.reused ? 'reusing' : 'built'} cached store ${cache.dir} (${cache.meta.events.toLocaleString('en-US')} events, ${(bytes / 1048576).toFixed(0)} MiB, built ${cache.meta.builtAt})`);
  const tmp = makeTempDir('liaison-bench-requests');
  try {
    const copyMs = copyStore(cache.dir, tmp.dir);
    say(`copied to ${tmp.dir} in ${(copyMs / 1000).toFixed(1)} s`);
    const viewers = pickViewers(viewerShares(tmp.dir));
    const series = querySeries(viewers, cfg.year);
    const t0 = performance.now();
    // As the referrals bench: the follow-up sweep is off (not what these targets are about).
    const service = await startService(tmp.dir, 0, undefined, { REFERRAL_FOLLOW_UP_SWEEP_MS: '0' });
    const pid = service.child.pid!;
    let http: SeriesTimes[] = [];
    let floor: number[] = [];
    let cpuUs: ReturnType<typeof cpuPerCommand> = undefined;
    let startupMs = Number.NaN;
    const loadDuringHttp: number[] = [];
    try {
      await caughtUp(service.url, 120_000);
      startupMs = performance.now() - t0;
      const countries = [...new Set(series.map((s) => s(0).country).concat(viewers.map((v) => v.country)))];
      const tokens = Object.fromEntries(await Promise.all(countries.map(async (country) =>
        [country, await mintDevToken({ country: country as TokenCountry, role: 'officer', sub: `bench-${country.toLowerCase()}`, dataDir: tmp.dir })] as const)));
      say(`HTTP: ${series.length} queries × ${cfg.queries} (+ ${cfg.warmUp} warm-up), interleaved; viewers ${viewers.map((v) => `${v.country} ${(v.share * 100).toFixed(0)}%`).join(', ')}`);
      const sampler = setInterval(() => loadDuringHttp.push(loadavg()[0]), 10_000);
      const before = threadCpu(pid);
      try {
        ({ series: http, floor } = await timeHttp(service.url, tokens, series, cfg.queries, cfg.warmUp, askPath));
      } finally {
        clearInterval(sampler);
      }
      // /health answers are counted too (one per measured round): they cost next to nothing.
      cpuUs = cpuPerCommand(pid, before, threadCpu(pid), series.length * (cfg.queries + cfg.warmUp));
      loadDuringHttp.push(loadavg()[0]);
    } finally {
      await service.stop();
    }
    say('in-process query timing');
    const inProcess = await timeInProcess(tmp.dir, series, cfg.queries, cfg.warmUp, new Date().toISOString());
    const results: RequestsResults = {
      config: cfg, cache: { ...cache.meta, dir: cache.dir, reused: cache.reused, copyMs, bytes }, startupMs, viewers, http, floor: summarise(floor), inProcess, cpuUs,
      node: process.version, machine: { cpus: cpus().length, loadAtStart, loadDuringHttp, loadAtEnd: loadavg()[0] },
      totalSeconds: (performance.now() - started) / 1000,
    };
    printReport(results);
    // The file keeps each series' summary, not its every latency.
    const summaries = (xs: SeriesTimes[]) => xs.map(({ name, size, ms }) => ({ name, size, ...summarise(ms) }));
    const file = writeResult('requests', { ...results, http: summaries(results.http), inProcess: summaries(results.inProcess) });
    console.log(`results: ${path.relative(process.cwd(), file)}`);
  } finally {
    tmp.dispose();
  }
}

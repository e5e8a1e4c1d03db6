// `npm run bench -- store [--quick]`: Liaison's SQLite store against emmett-sqlite 0.38.5 on the
// same workloads, in one process, on file databases with each side's own durability defaults.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { makeTempDir, writeResult } from './support/files.js';
import { guarded, type GuardCounts } from './support/guard.js';
import { RssSampler } from './support/rss.js';
import { median } from './support/stats.js';
import { storeBenchConfig, type StoreBenchConfig } from './store/config.js';
import { EmmettSubject } from './store/emmett-subject.js';
import { LiaisonSubject } from './store/liaison-subject.js';
import { printReport, type SideResults, type StoreResults } from './store/report.js';
import { caseEvents, type StoreSubject } from './store/subject.js';
import {
  addThroughput, batchAppends, concurrentAppends, emptyThroughput, singleAppends, timedStreamRead, type Throughput,
} from './store/workloads.js';

type Side = 'liaison' | 'emmett';
const say = (line: string): void => void process.stderr.write(`${line}\n`);

export async function run(args: string[]): Promise<void> {
  const cfg = storeBenchConfig(args);
  const tmp = makeTempDir('liaison-bench-store');
  const rss = new RssSampler(50);
  const guard: GuardCounts = { suppressedLogLines: 0, escapedErrors: {} };
  const started = performance.now();
  // Other work on the box skews both sides; the load is recorded so a noisy run is recognisable.
  const loadAtStart = loadavg()[0];
  rss.start();
  say(`store bench${cfg.quick ? ' (--quick)' : ''}: temp dir ${tmp.dir}`);
  try {
    const subjects = {
      liaison: { append: new LiaisonSubject(join(tmp.dir, 'liaison-appends.db')), read: new LiaisonSubject(join(tmp.dir, 'liaison-reads.db')) },
      emmett: { append: new EmmettSubject(join(tmp.dir, 'emmett-appends.db')), read: new EmmettSubject(join(tmp.dir, 'emmett-reads.db')) },
    };
    // emmett creates its schema lazily; one append per database (both sides, to keep counts equal)
    // means no workload pays for schema creation.
    for (const pair of Object.values(subjects)) for (const s of Object.values(pair)) await s.appendOne('warm-1', caseEvents(0, 1)[0]);
    const sides: Side[] = ['liaison', 'emmett'];
    // Runs `fn` for one side with RSS attributed to it and emmett's noise contained.
    const on = <T>(side: Side, fn: () => Promise<T>): Promise<T> => {
      rss.enter(side);
      return side === 'emmett' ? guarded(guard, fn) : fn();
    };

    // Unmeasured warm-up on both sides, so the rounds time a store in steady state: V8 has compiled the
    // append path, and the journal file has grown to the size it is reused at. fdatasync on a file
    // that still grows also commits file-system metadata; on a fresh file Liaison's first ~3,000 single
    // appends took ~410 µs each, the next ones ~245 µs.
    for (const side of sides) {
      await on(side, () => singleAppends(subjects[side].append, 'warm', { maxOps: 3500, maxMs: 3000 * (cfg.quick ? 0.5 : 1) }));
      await on(side, () => batchAppends(subjects[side].append, 'warm', { maxOps: 20, maxMs: 2000 }, cfg.batch.size));
    }

    const single = { liaison: emptyThroughput(), emmett: emptyThroughput() };
    const batch = { liaison: emptyThroughput(), emmett: emptyThroughput() };
    for (let r = 0; r < cfg.rounds; r++) {
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      const share = { maxOps: Math.ceil(cfg.single.maxOps / cfg.rounds), maxMs: cfg.single.maxMs / cfg.rounds };
      for (const side of order) addThroughput(single[side], await on(side, () => singleAppends(subjects[side].append, `s${r}`, share)));
    }
    say('1/5 single appends done');

    const concurrent: Record<Side, Throughput> = { liaison: emptyThroughput(), emmett: emptyThroughput() };
    const before = subjects.liaison.append.commitStats();
    for (const side of sides) {
      concurrent[side] = await on(side, async () => {
        const { result, drain } = await concurrentAppends(subjects[side].append, 'c', cfg.concurrent.appenders, cfg.concurrent, cfg.concurrent.graceMs);
        // Stragglers would hold the write lock into the next workload; wait them out unmeasured.
        await Promise.race([drain, new Promise((r) => setTimeout(r, cfg.concurrent.drainMs).unref())]);
        return result;
      });
    }
    const after = subjects.liaison.append.commitStats();
    const commits = { commits: after.commits - before.commits, appends: after.appends - before.appends };
    say('2/5 concurrent appends done');

    for (let r = 0; r < cfg.rounds; r++) {
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      const share = { maxOps: Math.ceil(cfg.batch.maxOps / cfg.rounds), maxMs: cfg.batch.maxMs / cfg.rounds };
      for (const side of order) addThroughput(batch[side], await on(side, () => batchAppends(subjects[side].append, `b${r}`, share, cfg.batch.size)));
    }
    say('3/5 batched appends done');

    const reads = {
      liaison: await on('liaison', () => seedAndReadAll(subjects.liaison.read, cfg, cfg.seed.events)),
      emmett: await on('emmett', () => seedAndReadAll(subjects.emmett.read, cfg, emmettSeedTarget)),
    };
    say('4/5 $all reads done');

    const stream = await streamReads(cfg, subjects.liaison.read, subjects.emmett.read, on);
    say('5/5 stream reads done');

    rss.enter('idle');
    const side = (s: Side): SideResults => ({
      durability: '',
      single: single[s], concurrent: concurrent[s], batch: batch[s], readAll: reads[s], stream: stream[s],
      peakRss: rss.peakByPhase.get(s) ?? Number.NaN,
    });
    const results: StoreResults = {
      config: cfg,
      liaison: { ...side('liaison'), durability: await subjects.liaison.read.durability() },
      emmett: { ...side('emmett'), durability: await subjects.emmett.read.durability() },
      guard,
      liaisonConcurrentCommits: commits,
      memory: rss.stop(),
      totalSeconds: (performance.now() - started) / 1000,
      node: process.version,
      machine: { cpus: cpus().length, loadAtStart, loadAtEnd: loadavg()[0] },
    };
    for (const s of sides) for (const subject of Object.values(subjects[s])) await subject.close();
    printReport(results);
    console.log(`\nresults written to ${writeResult('store', results)}`);
  } finally {
    rss.stop();
    tmp.dispose();
  }
}

/**
 * emmett's seed target: a short probe projects the full seed time, and if that exceeds the budget
 * the smaller fallback count is used, as the rates are what is compared.
 */
function emmettSeedTarget(probeRatePerMs: number, cfg: StoreBenchConfig): number {
  const projectedMs = cfg.seed.events / probeRatePerMs;
  return projectedMs > cfg.seed.emmettBudgetMs ? cfg.seed.fallbackEvents : cfg.seed.events;
}

async function seedAndReadAll(
  s: StoreSubject, cfg: StoreBenchConfig, target: number | ((probeRatePerMs: number, cfg: StoreBenchConfig) => number),
): Promise<SideResults['readAll']> {
  const t0 = performance.now();
  // Bounded by a hard deadline well past the budget so a pathological store cannot hang the run.
  const hardDeadline = t0 + cfg.seed.emmettBudgetMs * 1.5;
  let seeded = await s.seed(0, Math.min(cfg.seed.probeEvents, cfg.seed.events), hardDeadline);
  const total = typeof target === 'number' ? target : target(seeded / (performance.now() - t0), cfg);
  seeded += await s.seed(seeded, total - seeded, hardDeadline);
  const seedMs = performance.now() - t0;
  say(`  ${s.name}: seeded ${seeded.toLocaleString('en-US')} events in ${(seedMs / 1000).toFixed(1)} s`);
  // The seed counter only steps forward, so the expected checksum is the sum 0..seeded-1.
  const r0 = performance.now();
  const { count, checksum } = await s.readAll(cfg.pageSize);
  const ms = performance.now() - r0;
  const warm = 1; // the schema warm-up event written before the workloads
  const expected = (seeded * (seeded - 1)) / 2;
  return { seeded, seedMs, count, ms, complete: count === seeded + warm && checksum === expected };
}

async function streamReads(
  cfg: StoreBenchConfig, liaison: StoreSubject, emmett: StoreSubject,
  on: <T>(side: Side, fn: () => Promise<T>) => Promise<T>,
): Promise<Record<Side, SideResults['stream']>> {
  const subjects: Record<Side, StoreSubject> = { liaison, emmett };
  const samples: Record<Side, number[]> = { liaison: [], emmett: [] };
  const counts: Record<Side, number> = { liaison: 0, emmett: 0 };
  for (const side of ['liaison', 'emmett'] as const) {
    for (let i = 0; i < cfg.stream.events; i += 1000) {
      await on(side, () => subjects[side].appendMany('case-big', caseEvents(i, Math.min(1000, cfg.stream.events - i))));
    }
    counts[side] = (await on(side, () => timedStreamRead(subjects[side], 'case-big'))).count; // warm-up
  }
  for (let i = 0; i < cfg.stream.reps; i++) {
    for (const side of i % 2 === 0 ? (['liaison', 'emmett'] as const) : (['emmett', 'liaison'] as const)) {
      samples[side].push((await on(side, () => timedStreamRead(subjects[side], 'case-big'))).ms);
    }
  }
  const result = (s: Side): SideResults['stream'] => ({ events: counts[s], medianMs: median(samples[s]), samplesMs: samples[s] });
  return { liaison: result('liaison'), emmett: result('emmett') };
}

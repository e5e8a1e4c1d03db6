// npx tsx bench/api/profile.ts [seconds] [dir]: the api bench's 50-connection load on the built service,
// started with --cpu-prof so each of its threads writes a .cpuprofile into [dir] (default
// bench/results/profile); summarise one with bench/api/profile-summary.ts. NO_PROFILE=1 runs without the
// profiler, EXTRA_NODE_ARGS adds node flags (e.g. --max-semi-space-size=64). It also prints each thread's
// CPU per command from /proc, so "other threads" splits into the store writer and V8's helper threads.
// Not part of `npm run bench`: a profiled service is slower and its shares, not its figures, are the point.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { detentionLoad, seedCases } from './seed.js';
import { load, measured } from './load.js';
import { caughtUp, officerTokens, startService } from './servers.js';
import { threadCpu } from './thread-cpu.js';
import { makeTempDir } from '../support/files.js';

const CASES = 1000;
const PERSONS = 100;
const seconds = Number(process.argv[2] ?? 10);
const out = path.resolve(process.argv[3] ?? 'bench/results/profile');
const profiled = process.env.NO_PROFILE !== '1';
mkdirSync(out, { recursive: true });
const tmp = makeTempDir('liaison-profile');
const at = new Date();
try {
  const cases = await seedCases(path.join(tmp.dir, 'events.db'), CASES, PERSONS, at);
  const extra = (process.env.EXTRA_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const service = await startService(tmp.dir, 0, [...extra, ...(profiled ? ['--cpu-prof', `--cpu-prof-dir=${out}`, '--cpu-prof-interval=500'] : [])]);
  try {
    await caughtUp(service.url, 60_000);
    const tokens = await officerTokens(tmp.dir, 10);
    const next = detentionLoad(cases, PERSONS, at);
    const run = (durationSec: number) => load({
      url: service.url, connections: 50, durationSec,
      headers: (i) => ({ authorization: `Bearer ${tokens[i % tokens.length]}` }),
      next,
    });
    await run(1);
    const pid = service.child.pid!;
    const before = new Map(threadCpu(pid).map((t) => [t.tid, t.ms]));
    const m = await measured(pid, () => run(seconds));
    const perThread = threadCpu(pid).map((t) => `${t.tid === pid ? 'main' : `${t.tid}${t.nice > 0 ? ' (lowered)' : ''}`}: ${Math.round(((t.ms - (before.get(t.tid) ?? 0)) * 1000) / m.load.ok)} µs`);
    console.log(`per thread: ${perThread.join(', ')}`);
    console.log(JSON.stringify({ commandsPerSec: Math.round(m.load.requestsPerSec), p99: m.load.p99, non2xx: m.load.non2xx, cpu: m.cpu }));
  } finally {
    await service.stop();
  }
} finally {
  tmp.dispose();
}

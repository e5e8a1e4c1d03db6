// npx tsx bench/api/poll-cost.ts [rounds]: CPU each dashboard view costs the service, per answer and per
// thread, on the api bench's data (1,000 cases × 100 persons, then 20 s of detentions), one endpoint at a
// time with nothing else running. Not part of `npm run bench`: it says which view to make cheaper when
// the dashboard ratio misses. ONLY=<substring> polls only the matching views; with
// SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" the service writes one profile per thread
// (read them with profile-summary.ts).
import path from 'node:path';
import { detentionLoad, seedCases } from './seed.js';
import { load } from './load.js';
import { caughtUp, officerTokens, startService } from './servers.js';
import { threadCpu } from './thread-cpu.js';
import { everyView } from './dashboard.js';
import { makeTempDir } from '../support/files.js';

const CASES = 1000;
const PERSONS = 100;
const rounds = Number(process.argv[2] ?? 50);
const tmp = makeTempDir('liaison-poll-cost');
const at = new Date();
try {
  const cases = await seedCases(path.join(tmp.dir, 'events.db'), CASES, PERSONS, at);
  const service = await startService(tmp.dir, 0);
  try {
    await caughtUp(service.url, 60_000);
    const [token] = await officerTokens(tmp.dir, 1);
    await load({
      url: service.url, connections: 10, durationSec: 20,
      headers: () => ({ authorization: `Bearer ${token}` }),
      next: detentionLoad(cases, PERSONS, at),
    });
    await caughtUp(service.url, 60_000);
    const pid = service.child.pid!;
    const headers = { authorization: `Bearer ${token}`, 'x-purpose': 'bench: every view' };
    const cpuByThread = () => new Map(threadCpu(pid).map((t) => [t.tid, t.ms]));
    let total = 0;
    for (const p of everyView(at).filter((v) => v.includes(process.env.ONLY ?? ''))) {
      const first = performance.now();
      await (await fetch(`${service.url}${p}`, { headers })).arrayBuffer();
      const firstMs = performance.now() - first;
      for (let i = 0; i < 5; i++) await (await fetch(`${service.url}${p}`, { headers })).arrayBuffer();
      await new Promise((r) => setTimeout(r, 300));
      const before = cpuByThread();
      let bytes = 0;
      for (let i = 0; i < rounds; i++) bytes += (await (await fetch(`${service.url}${p}`, { headers })).arrayBuffer()).byteLength;
      const after = cpuByThread();
      const us = (tid: number) => Math.round((((after.get(tid) ?? 0) - (before.get(tid) ?? 0)) * 1000) / rounds);
      const main = us(pid);
      const others = [...after.keys()].filter((t) => t !== pid).reduce((s, t) => s + us(t), 0);
      total += main + others;
      console.log(`${p.split('?')[0].padEnd(44)} main ${String(main).padStart(6)} µs  others ${String(others).padStart(6)} µs  ${Math.round(bytes / rounds)} B, first answer ${firstMs.toFixed(1)} ms`);
    }
    console.log(`one refresh of every view: ${total} µs of CPU`);
  } finally {
    await service.stop();
  }
} finally {
  if (process.env.KEEP) console.log(`kept ${tmp.dir}`); else tmp.dispose();
}

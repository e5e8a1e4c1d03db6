// npx tsx bench/api/load-slices.ts [slices]: the api bench's command load (1,000 cases × 300 persons,
// round robin; CONN connections, default 10) in 5 s slices, each with its commands/s, p99, CPU per command
// (request thread and all threads, from /proc), the command state cache's folded events (/metrics) and
// the snapshot activity (snapshots held, scratch files). SNAP sets SNAPSHOT_EVERY, CACHE sets
// STATE_CACHE_EVENTS. Not part of `npm run bench`: it shows what happens over time, e.g. a snapshot run
// or the state cache at its bound.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { detentionLoad, seedCases } from './seed.js';
import { load } from './load.js';
import { METRICS_TOKEN, caughtUp, metricValue, metricsText, officerTokens, startService } from './servers.js';
import { snapshotsCaughtUp, snapshotsHeld } from './snapshots.js';
import { cpuPerCommand, threadCpu } from './thread-cpu.js';
import { makeTempDir } from '../support/files.js';

const slices = Number(process.argv[2] ?? 36);
const tmp = makeTempDir('liaison-drift');
const at = new Date();
try {
  const cases = await seedCases(path.join(tmp.dir, 'events.db'), 1000, 300, at);
  const service = await startService(tmp.dir, 0, undefined, {
    METRICS_TOKEN, ...(process.env.SNAP ? { SNAPSHOT_EVERY: process.env.SNAP } : {}), ...(process.env.CACHE ? { STATE_CACHE_EVENTS: process.env.CACHE } : {}),
  });
  try {
    const head = await caughtUp(service.url, 60_000);
    if (process.env.SNAP !== '0') await snapshotsCaughtUp(tmp.dir, head, 300_000);
    const tokens = await officerTokens(tmp.dir, 10);
    const next = detentionLoad(cases, 300, at);
    const pid = service.child.pid!;
    const lookups = (text: string) => ({
      hit: metricValue(text, 'liaison_command_state_cache_lookups_total{outcome="hit"}'),
      miss: metricValue(text, 'liaison_command_state_cache_lookups_total{outcome="miss"}'),
    });
    let before = { threads: threadCpu(pid), lookups: lookups(await metricsText(service.url)) };
    for (let i = 0; i < slices; i++) {
      const r = await load({ url: service.url, connections: Number(process.env.CONN ?? 10), durationSec: 5, headers: (k) => ({ authorization: `Bearer ${tokens[k % 10]}` }), next });
      const text = await metricsText(service.url);
      const now = { threads: threadCpu(pid), lookups: lookups(text) };
      const cpu = cpuPerCommand(pid, before.threads, now.threads, r.ok);
      const misses = now.lookups.miss - before.lookups.miss;
      const missed = Math.round((100 * misses) / Math.max(1, now.lookups.hit - before.lookups.hit + misses));
      before = now;
      // A run may delete a folder while this lists it: then the slice shows no count.
      let scratch: number | string = '?';
      try {
        scratch = readdirSync(path.join(tmp.dir, 'snapshots'), { recursive: true }).filter((f) => String(f).includes('.scratch/') || String(f).endsWith('.tmp')).length;
      } catch { /* listed next slice */ }
      console.log(`${String(i).padStart(2)} ${Math.round(r.requestsPerSec)}/s p99 ${r.p99} cache ${metricValue(text, 'liaison_command_state_cache_events')} (${missed}% missed) ` +
        `cpu/cmd main ${Math.round(cpu?.request ?? NaN)} all ${Math.round(cpu?.total ?? NaN)} µs snaps ${snapshotsHeld(tmp.dir).files} scratch ${scratch} threads ${now.threads.length}`);
    }
  } finally { await service.stop(); }
} finally { tmp.dispose(); }

// npx tsx bench/api/load-slices.ts [slices]: the api bench's command load (1,000 cases × 300 persons,
// round robin; CONN connections, default 10) in 5 s slices, each with its commands/s, p99, CPU per command
// (request thread and all threads, from /proc), the command state cache's folded events (/metrics) and
// the snapshot activity (snapshots held, scratch files). SNAP sets SNAPSHOT_EVERY,
// CACHE sets STATE_CACHE_EVENTS. Not part of
// `npm run bench`: it shows what happens over time, e.g. a snapshot run or the state cache at its bound.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { nthDetention, seedCases } from './seed.js';
import { load } from './load.js';
import { caughtUp, startService } from './servers.js';
import { snapshotsCaughtUp, snapshotsHeld } from './snapshots.js';
import { threadCpu } from './thread-cpu.js';
import { makeTempDir } from '../support/files.js';

const TOKEN = 'bench-metrics-token-0123456789';
const slices = Number(process.argv[2] ?? 36);
const tmp = makeTempDir('liaison-drift');
const at = new Date();
try {
  const cases = await seedCases(path.join(tmp.dir, 'events.db'), 1000, 300, at);
  const service = await startService(tmp.dir, 0, undefined, { METRICS_TOKEN: TOKEN, ...(process.env.SNAP ? { SNAPSHOT_EVERY: process.env.SNAP } : {}), ...(process.env.CACHE ? { STATE_CACHE_EVENTS: process.env.CACHE } : {}) });
  try {
    const head = await caughtUp(service.url, 60_000);
    if (process.env.SNAP !== '0') await snapshotsCaughtUp(tmp.dir, head, 300_000);
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, k) => mintDevToken({ country: 'SE', role: 'officer', sub: `bench-se-${k}`, dataDir: tmp.dir })));
    let n = 0;
    const metric = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
    const pid = service.child.pid!;
    let prevCpu = new Map(threadCpu(pid).map((t) => [t.tid, t.ms]));
    const lookups = (text: string, outcome: string) => metric(text, `liaison_command_state_cache_lookups_total\\{outcome="${outcome}"\\}`);
    let prevLookups = { hit: 0, miss: 0 };
    for (let i = 0; i < slices; i++) {
      const r = await load({ url: service.url, connections: Number(process.env.CONN ?? 10), durationSec: 5, headers: (k) => ({ authorization: `Bearer ${tokens[k % 10]}` }),
        next: () => { const d = nthDetention(cases, 300, n++, at); return { path: d.path, body: JSON.stringify(d.body) }; } });
      const text = await (await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const cpu = new Map(threadCpu(pid).map((t) => [t.tid, t.ms]));
      const main = Math.round(((cpu.get(pid) ?? 0) - (prevCpu.get(pid) ?? 0)) * 1000 / r.ok);
      const all = Math.round([...cpu].reduce((s, [t, ms]) => s + ms - (prevCpu.get(t) ?? 0), 0) * 1000 / r.ok);
      prevCpu = cpu;
      const now = { hit: lookups(text, 'hit'), miss: lookups(text, 'miss') };
      const missed = Math.round((100 * (now.miss - prevLookups.miss)) / Math.max(1, now.hit - prevLookups.hit + now.miss - prevLookups.miss));
      prevLookups = now;
      // A run may delete a folder while this lists it: then the slice shows no count.
      let scratch: number | string = '?';
      try {
        scratch = readdirSync(path.join(tmp.dir, 'snapshots'), { recursive: true }).filter((f) => String(f).includes('.scratch/') || String(f).endsWith('.tmp')).length;
      } catch { /* listed next slice */ }
      console.log(`${String(i).padStart(2)} ${Math.round(r.requestsPerSec)}/s p99 ${r.p99} cache ${metric(text, 'liaison_command_state_cache_events')} (${missed}% missed) cpu/cmd main ${main} all ${all} µs snaps ${snapshotsHeld(tmp.dir).files} scratch ${scratch} threads ${cpu.size}`);
    }
  } finally { await service.stop(); }
} finally { tmp.dispose(); }

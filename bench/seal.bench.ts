// `npm run bench -- seal [--quick] [--events N]`: throughput of `npm run privacy -- seal` (ADR 19) on
// a generated store written before encryption: case streams (a person, a handler, custody extensions
// with reasons; about one personal value per event) and information requests, interleaved in $all.
// Reports events/s per phase (verify source, seal = encrypt + re-chain + insert, verify copy =
// read back + decrypt + compare) and for the whole command.
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@liaison/event-store';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { sealStore } from '../apps/api/src/privacy/seal/seal-store.js';
import type { Progress } from '../apps/api/src/privacy/seal/seal-progress.js';
import { appendInterleaved, caseStream, requestStream, type PlaintextStream } from '../apps/api/src/privacy/seal/testing/plaintext-store.fixture.js';
import { makeTempDir, writeResult } from './support/files.js';
import { fmtInt } from './support/stats.js';

const say = (line: string): void => void process.stderr.write(`${line}\n`);
const EXTENSIONS = 14; // 20 events per case

/** Records each phase's duration and count instead of drawing. */
class PhaseClock implements Progress {
  readonly phases: { phase: string; events: number; ms: number; cpuMs: number }[] = [];
  private current: { phase: string; events: number; started: number; cpu: NodeJS.CpuUsage } | undefined;
  start(phase: string): void {
    this.stop();
    this.current = { phase, events: 0, started: performance.now(), cpu: process.cpuUsage() };
  }
  update(done: number): void {
    if (this.current) this.current.events = done;
  }
  stop(): void {
    if (!this.current) return;
    const cpu = process.cpuUsage(this.current.cpu);
    this.phases.push({ phase: this.current.phase, events: this.current.events, ms: performance.now() - this.current.started, cpuMs: (cpu.user + cpu.system) / 1000 });
    this.current = undefined;
  }
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const at = args.indexOf('--events');
  const target = at >= 0 ? Number(args[at + 1]) : quick ? 10_000 : 100_000;
  const tmp = makeTempDir('liaison-bench-seal');
  say(`seal bench: ~${fmtInt(target)} events, temp dir ${tmp.dir}; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    mkdirSync(join(tmp.dir, 'src'));
    const store = SqliteEventStore.open(join(tmp.dir, 'src', 'events.db'));
    let written = 0;
    for (let n = 0; written < target; n += 250) {
      const streams: PlaintextStream[] = [];
      for (let k = n; k < n + 250 && written < target; k++) {
        const s = k % 10 === 9 ? requestStream(k) : caseStream(k, EXTENSIONS);
        streams.push(s);
        written += s.events.length;
      }
      await appendInterleaved(store, streams);
    }
    await store.close();
    say(`  generated ${fmtInt(written)} plaintext events`);
    const clock = new PhaseClock();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const outcome = await sealStore({ from: join(tmp.dir, 'src'), to: join(tmp.dir, 'sealed'), operator: 'bench', toolVersion: 'bench', policy: PERSONAL_DATA_POLICY, progress: clock });
    const totalMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (!outcome.ok) throw new Error(`seal failed: ${outcome.reason}`);
    const t = outcome.manifest.totals;
    const rows = [...clock.phases, { phase: 'whole command', events: t.events, ms: totalMs, cpuMs: (cpu.user + cpu.system) / 1000 }];
    say(`  ${fmtInt(t.events)} events, ${fmtInt(t.streams)} streams, ${fmtInt(t.fieldsSealed)} values encrypted, ${fmtInt(t.keysCreated)} keys created`);
    // Wall time depends on what else the machine runs; CPU time per event is this process's own cost.
    say(`  ${'phase'.padEnd(14)} ${'wall s'.padStart(7)} ${'events/s'.padStart(9)} ${'CPU s'.padStart(7)} ${'events/CPU-s'.padStart(13)}`);
    for (const r of rows) {
      say(`  ${r.phase.padEnd(14)} ${(r.ms / 1000).toFixed(2).padStart(7)} ${fmtInt(Math.round(r.events / (r.ms / 1000))).padStart(9)} ${(r.cpuMs / 1000).toFixed(2).padStart(7)} ${fmtInt(Math.round(r.events / (r.cpuMs / 1000))).padStart(13)}`);
    }
    const file = writeResult('seal', { events: t.events, streams: t.streams, fieldsSealed: t.fieldsSealed, keysCreated: t.keysCreated, phases: rows, load: loadavg() });
    say(`  result: ${file}`);
  } finally {
    tmp.dispose();
  }
}

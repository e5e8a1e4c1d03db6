// `npm run bench -- audit [--quick]`: replay of one 10,000-event case (warm, target <= 100 ms) and
// `verify` throughput over 1M chained events (target >= 100,000 events/s), on file databases; and
// reproducing an access at 1M events (p50 <= 1 s) with and without read-model snapshots (ADR 28).
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyAll } from '@liaison/event-store';
import { replayCase } from '../apps/api/src/audit/replay-case/replay-case.js';
import { makeTempDir, writeResult } from './support/files.js';
import { fmtInt, fmtMiB, fmtMs, median, percentile, ratePerSecond, verdict } from './support/stats.js';
import { renderTable } from './support/table.js';
import { appendChained, fillChainedLog, longCase } from './audit/workload.js';
import { benchReproduce } from './audit/reproduce.js';
import { benchSnapshotMemory } from './audit/snapshot-memory.js';

const say = (line: string): void => void process.stderr.write(`${line}\n`);
const TARGET_REPLAY_MS = 100;
const TARGET_VERIFY_PER_S = 100_000;
const TARGET_REPRODUCE_MS = 1000;

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const caseEvents = 10_000;
  const verifyEvents = quick ? 100_000 : 1_000_000;
  const tmp = makeTempDir('liaison-bench-audit');
  say(`audit bench${quick ? ' (--quick)' : ''}: temp dir ${tmp.dir}`);
  try {
    const replay = await benchReplay(join(tmp.dir, 'replay.db'), caseEvents, quick ? 10 : 30);
    const verify = await benchVerify(join(tmp.dir, 'verify.db'), verifyEvents);
    const reproduce = await benchReproduce(tmp.dir, verifyEvents, quick ? 9 : 12, say);
    const memorySizes = quick ? [50_000, 100_000] : [200_000, 400_000];
    say(`  peak RSS of a snapshot run of every read model, over the first ${memorySizes.map(fmtInt).join(' and ')} events (a child each)`);
    const snapshotMemory = benchSnapshotMemory(tmp.dir, memorySizes);
    const result = {
      suite: 'audit', quick, at: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavg1: loadavg()[0],
      replay: { ...replay, targetMs: TARGET_REPLAY_MS, verdict: verdict(replay.medianMs, TARGET_REPLAY_MS, true) },
      verify: { ...verify, targetEventsPerSecond: TARGET_VERIFY_PER_S, verdict: verdict(verify.eventsPerSecond, TARGET_VERIFY_PER_S) },
      reproduce: {
        ...reproduce, targetP50Ms: TARGET_REPRODUCE_MS,
        verdictWithout: verdict(reproduce.withoutMs.p50, TARGET_REPRODUCE_MS, true), verdict: reproduce.sameAnswers ? verdict(reproduce.withMs.p50, TARGET_REPRODUCE_MS, true) : 'MISS',
      },
      snapshotMemory,
    };
    console.log('');
    console.log(`replay of one ${fmtInt(caseEvents)}-event case (warm, read + domain fold + projection fold + detail + timeline):`);
    console.log(`  median ${fmtMs(replay.medianMs)}  p95 ${fmtMs(replay.p95Ms)}  cold ${fmtMs(replay.coldMs)}  target <= ${TARGET_REPLAY_MS} ms  ${result.replay.verdict}`);
    console.log(`verify over ${fmtInt(verify.events)} events in ${fmtInt(verify.streams)} streams ($all order + hash chains):`);
    console.log(`  ${fmtInt(verify.eventsPerSecond)} events/s (${(verify.elapsedMs / 1000).toFixed(2)} s)  target >= ${fmtInt(TARGET_VERIFY_PER_S)}/s  ${result.verify.verdict}`);
    const r = result.reproduce;
    console.log(`reproduce an access at ${fmtInt(r.events)} events (${r.samples} accesses spread over the history; listCases, currentDetentions, listInformationRequests):`);
    console.log(renderTable(['replay from', 'p50', 'p95', `target p50 <= ${TARGET_REPRODUCE_MS} ms`], [
      ['position 0 (no snapshots)', fmtMs(r.withoutMs.p50), fmtMs(r.withoutMs.p95), r.verdictWithout],
      [`nearest snapshot (every ${fmtInt(r.every)} events)`, fmtMs(r.withMs.p50), fmtMs(r.withMs.p95), r.verdict],
    ]));
    const b = r.breakdown;
    console.log(`  where the time goes (medians, from snapshots): open the snapshot ${fmtMs(b.openSnapshotMs)}, fold ${fmtInt(b.eventsFolded)} positions on to readAt ${fmtMs(b.foldMs)}, the query ${fmtMs(b.queryMs)}`);
    console.log(`  snapshots: ${r.snapshotsWritten} written in ${(r.snapshotBuildMs / 1000).toFixed(1)} s, ${fmtMiB(r.snapshotBytes)} on disk; same answers with and without: ${r.sameAnswers ? 'yes' : 'NO'}`);
    console.log('peak RSS a snapshot run adds (every read model, every 25,000 events; ADR 32: should not grow with the read models):');
    for (const m of snapshotMemory) console.log(`  ${fmtInt(m.events)} events: +${fmtInt(m.addedMiB)} MiB, read models ${fmtInt(m.heldMiB)} MiB of images, ${m.seconds} s`);
    console.log(`results: ${writeResult('audit', result)}`);
  } finally {
    tmp.dispose();
  }
}

async function benchReplay(file: string, count: number, runs: number) {
  const store = SqliteEventStore.open(file);
  try {
    const caseId = 'bench-replay-case';
    await appendChained(store, `case-${caseId}`, longCase(caseId, count));
    const once = async (): Promise<number> => {
      const t0 = performance.now();
      const events = await store.readStream(`case-${caseId}`);
      const r = replayCase(caseId, 'SE', events, { kind: 'latest' });
      if (r.eventCount !== count || r.detail === null) throw new Error('replay did not fold every event');
      return performance.now() - t0;
    };
    const coldMs = await once();
    for (let i = 0; i < 3; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    return { events: count, runs, coldMs, medianMs: median(samples), p95Ms: percentile(samples, 95) };
  } finally {
    await store.close();
  }
}

async function benchVerify(file: string, total: number) {
  const store = SqliteEventStore.open(file);
  try {
    const streams = 1000;
    const f0 = performance.now();
    await fillChainedLog(store, total, streams, (n) => say(`  filling: ${fmtInt(n)} / ${fmtInt(total)}`));
    say(`  filled ${fmtInt(total)} chained events in ${((performance.now() - f0) / 1000).toFixed(1)} s; verifying`);
    const t0 = performance.now();
    const report = await verifyAll(store);
    const elapsedMs = performance.now() - t0;
    if (!report.ok || report.events !== total) throw new Error(`verify failed: ${JSON.stringify(report.firstBreak)} (${report.events} events)`);
    return { events: report.events, streams: report.streams, elapsedMs, eventsPerSecond: ratePerSecond(report.events, elapsedMs) };
  } finally {
    await store.close();
  }
}

// `npm run bench -- migrate [--quick] [--events N]`: `npm run store -- migrate` end to end on a
// generated embedded store of case events (the projections' workload generator: all event types, many
// cases interleaved in $all as concurrent officers write them, chained like the service's log), copied
// into the in-process EventStoreDB emulator through the real client with the real migrate code path,
// then `compare` (both logs walked, chains verified on both sides). 1,000,000 events (--quick 100,000).
//
// Targets. The migration needs the service stopped (ADR 22), so its time is a maintenance window:
// 1,000,000 events, years of a national deployment's log, should move in under 10 minutes (1,667
// events/s) and be checked in under 5 more (compare). The emulator answers faster than a cluster that
// replicates each append to a quorum; the figure bounds what the migration's own side costs.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@liaison/event-store';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { migrateToEsdb } from '../apps/api/src/store-ops/migrate-to-esdb.js';
import { compareSummaries, summarise } from '../apps/api/src/store-ops/compare-stores.js';
import { startEsdbEmulator } from '../test/support/esdb-emulator/esdb-emulator.js';
import { seedStore } from './projections/workload.js';
import { makeTempDir, writeResult } from './support/files.js';
import { fmtInt, verdict } from './support/stats.js';
import { renderTable } from './support/table.js';

const say = (line: string): void => void process.stderr.write(`${line}\n`);
const TARGET = { eventsPerSecond: 1_000_000 / 600, compareSecondsPerMillion: 300 };

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const at = args.indexOf('--events');
  const total = at >= 0 ? Number(args[at + 1]) : quick ? 100_000 : 1_000_000;
  const tmp = makeTempDir('liaison-bench-migrate');
  const sourceFile = join(tmp.dir, 'events.db');
  say(`migrate bench: ${fmtInt(total)} events, temp dir ${tmp.dir}; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const emulator = await startEsdbEmulator();
  const target = EsdbEventStore.fromConnectionString(emulator.connectionString);
  try {
    const source = SqliteEventStore.open(sourceFile);
    const s0 = performance.now();
    await seedStore(source, total, 2000, 2000, (n) => say(`  seeded ${fmtInt(n)}`));
    await source.close();
    say(`  seeded ${fmtInt(total)} case events in ${((performance.now() - s0) / 1000).toFixed(1)} s`);

    const m0 = performance.now();
    const cpu0 = process.cpuUsage();
    let reported = 0;
    const report = await migrateToEsdb({
      sourceFile, target,
      onProgress: (done) => {
        if (done - reported < total / 10) return;
        reported = done;
        say(`  migrated ${fmtInt(done)} (${fmtInt(Math.round(done / ((performance.now() - m0) / 1000)))} events/s)`);
      },
    });
    const migrateMs = performance.now() - m0;
    const cpu = process.cpuUsage(cpu0);

    const c0 = performance.now();
    const compareSource = SqliteEventStore.open(sourceFile, { writer: 'inline' });
    const [sourceSummary, targetSummary] = await Promise.all([summarise(compareSource), summarise(target)]);
    const comparison = compareSummaries(sourceSummary, targetSummary);
    await compareSource.close();
    const compareMs = performance.now() - c0;

    const rate = report.copied / (migrateMs / 1000);
    const compareSecondsPerMillion = compareMs / 1000 / (total / 1_000_000);
    const rows = [
      ['migrate', fmtInt(report.copied), (migrateMs / 1000).toFixed(1), fmtInt(Math.round(rate)), `>= ${fmtInt(Math.round(TARGET.eventsPerSecond))} events/s`, verdict(rate, TARGET.eventsPerSecond)],
      ['compare', fmtInt(comparison.source.events), (compareMs / 1000).toFixed(1), fmtInt(Math.round(total / (compareMs / 1000))),
        `<= ${TARGET.compareSecondsPerMillion} s per 1M`, comparison.same ? verdict(compareSecondsPerMillion, TARGET.compareSecondsPerMillion, true) : 'MISS'],
    ];
    console.log(`\nmigrate bench: ${fmtInt(total)} case events, ${fmtInt(comparison.source.streams)} streams, ${fmtInt(report.appends)} appends (${(report.copied / report.appends).toFixed(2)} events per append)`);
    console.log(renderTable(['phase', 'events', 'wall s', 'events/s', 'target', 'verdict'], rows));
    console.log(`migrate CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (client and in-process emulator together); compare: ${comparison.same ? 'same on both sides, chains intact' : `DIFFERENT (${comparison.differingStreams} streams)`}`);
    const file = writeResult('migrate', {
      events: total, streams: comparison.source.streams, appends: report.appends, migrateMs, compareMs, rate, compareSecondsPerMillion,
      same: comparison.same, cpuMs: (cpu.user + cpu.system) / 1000, targets: TARGET, machine: { cpus: cpus().length, load: loadavg() },
    });
    console.log(`\nresults written to ${file}`);
  } finally {
    await Promise.race([target.close(), new Promise((r) => setTimeout(r, 3000).unref())]);
    await emulator.stop();
    tmp.dispose();
  }
}

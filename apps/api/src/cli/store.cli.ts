// npm run store -- migrate --to <esdb connection string> [--from DATA_DIR/events.db]
// npm run store -- compare --to <esdb connection string> [--from DATA_DIR/events.db]
// npm run store -- backup <dir>
// npm run store -- restore <dir> [--force]
// Moves and keeps the event log (ADR 22). Counts, positions and stream names only on stdout: events
// hold personal data, and this output ends up in terminals and CI logs.
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { SqliteEventStore } from '@liaison/event-store';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { loadConfig } from '../config/app.config.js';
import { migrateToEsdb } from '../store-ops/migrate-to-esdb.js';
import { compareSummaries, summarise, type Comparison } from '../store-ops/compare-stores.js';
import { runCli } from './run-cli.js';
import { backupDataDir, restoreDataDir } from '../store-ops/sqlite-backup.js';

const USAGE = [
  'usage: npm run store -- migrate --to <esdb://…> [--from <events.db>]   copy the embedded log into EventStoreDB (resumable), then compare',
  '       npm run store -- compare --to <esdb://…> [--from <events.db>]   counts per stream, chain heads, chains on both sides',
  '       npm run store -- backup <dir>                                   online backup of DATA_DIR/events.db (and keys.db), verified',
  '       npm run store -- restore <dir> [--force]                        put a backup back into DATA_DIR (service stopped), verified',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { to: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const [command, dir] = positionals;
  const dataDir = loadConfig().dataDir;
  const from = path.resolve(values.from ?? path.join(dataDir, 'events.db'));
  const to = values.to ?? process.env.ESDB_CONNECTION_STRING;
  if ((command === 'migrate' || command === 'compare') && to) return command === 'migrate' ? migrate(from, to) : compare(from, to);
  if (command === 'backup' && dir) return backup(dataDir, path.resolve(dir));
  if (command === 'restore' && dir) return restore(path.resolve(dir), dataDir, values.force ?? false);
  console.error(USAGE);
  return 2;
}

function progressBar(label: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar({
    format: `${label} |{bar}| {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}`,
    stream: process.stderr, hideCursor: true, etaBuffer: 50, noTTYOutput: true, notTTYSchedule: 5000,
  }, cliProgress.Presets.shades_classic);
}

async function migrate(from: string, to: string): Promise<number> {
  const target = EsdbEventStore.fromConnectionString(to);
  const bar = progressBar('migrate');
  const started = performance.now();
  let startedAt = 0;
  try {
    const report = await migrateToEsdb({
      sourceFile: from, target,
      onProgress: (done, total) => {
        if (!bar.isActive) {
          startedAt = done;
          bar.start(total, done, { rate: 0 });
        }
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: Math.round((done - startedAt) / Math.max(seconds, 0.001)) });
      },
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(`migrate: ${report.copied} events copied in ${report.appends} appends, ${seconds.toFixed(1)} s (${Math.round(report.copied / Math.max(seconds, 0.001))} events/s); ${report.alreadyThere} were already there from an earlier run`);
    if (report.reordered > 0) console.log(`migrate: ${report.reordered} appends landed out of the source's $all order after dropped connections (per stream the order is intact)`);
    return await compareWith(from, target);
  } finally {
    bar.stop();
    await closeSoon(target);
  }
}

async function compare(from: string, to: string): Promise<number> {
  const target = EsdbEventStore.fromConnectionString(to);
  try {
    return await compareWith(from, target);
  } finally {
    await closeSoon(target);
  }
}

async function compareWith(from: string, target: EsdbEventStore): Promise<number> {
  const source = SqliteEventStore.open(from, { writer: 'inline' });
  try {
    // Both walks at once: the target's is network-bound, so the source's reads fill its waits.
    const [s, t] = await Promise.all([summarise(source), summarise(target)]);
    return printComparison(compareSummaries(s, t));
  } finally {
    await source.close();
  }
}

function printComparison(c: Comparison): number {
  const side = (x: Comparison['source']) => `${x.events} events in ${x.streams} streams, chains ${x.chainsOk ? 'intact' : 'BROKEN'}`;
  console.log(`compare: source ${side(c.source)}; target ${side(c.target)}`);
  if (c.same) {
    console.log('OK: same streams, same counts and last revisions, same chain heads');
    return 0;
  }
  console.log(`DIFFERENT: ${c.differingStreams} streams differ`);
  for (const d of c.differences) {
    const of = (x: typeof d.source) => (x ? `${x.events} events, last revision ${x.lastRevision}, head ${x.head?.slice(0, 12) ?? '-'}` : 'missing');
    console.log(`  ${d.stream}: source ${of(d.source)}; target ${of(d.target)}`);
  }
  return 1;
}

async function backup(dataDir: string, dir: string): Promise<number> {
  const started = performance.now();
  const { manifest } = await backupDataDir(dataDir, dir);
  const seconds = (performance.now() - started) / 1000;
  console.log(`backup: ${manifest.events} events up to position ${manifest.head} in ${dir} (${manifest.files.map((f) => `${f.name} ${f.bytes} bytes`).join(', ')}), ${seconds.toFixed(1)} s`);
  console.log('OK: the backup\'s hash chains verify');
  return 0;
}

async function restore(dir: string, dataDir: string, force: boolean): Promise<number> {
  const { manifest, verified } = await restoreDataDir(dir, dataDir, { force });
  console.log(`restore: ${verified.events} events in ${verified.streams} streams from the backup of ${manifest.createdAt} into ${dataDir}`);
  console.log('OK: every hash chain is intact, revisions are gap-free, $all positions strictly increase');
  return 0;
}

/** The gRPC client's dispose can hang (esdb-protocol-notes.md): the CLI does not wait for it forever. */
async function closeSoon(store: EsdbEventStore): Promise<void> {
  await Promise.race([store.close(), new Promise((r) => setTimeout(r, 3000).unref())]);
}

runCli(main);

// npm run privacy -- seal <from-data-dir | events.db> <to-dir> [--operator <name>]
// npm run privacy -- status <data-dir | events.db>
// Offline operator tools for crypto-shredding (ADR 19, docs/privacy-seal.md). Output is numbers, ids
// and paths only: no personal value is ever printed. Exit codes: 0 ok, 1 verification failed, 2 usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { sealStore } from '../privacy/seal/seal-store.js';
import { progressOn } from '../privacy/seal/seal-progress.js';
import { sourceFiles, SealUsageError } from '../privacy/store-paths.js';
import { storeStatus } from '../privacy/status/store-status.js';

const USAGE = [
  'usage: npm run privacy -- seal <from-data-dir | events.db> <to-dir> [--operator <name>]',
  '       npm run privacy -- status <data-dir | events.db>',
].join('\n');

const fmt = (n: number): string => n.toLocaleString('en-US');

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { operator: { type: 'string' } }, allowPositionals: true, strict: true });
  const [command, ...paths] = positionals;
  if (command === 'seal' && paths.length === 2) return seal(paths[0], paths[1], values.operator ?? process.env.USER ?? 'unknown');
  if (command === 'status' && paths.length === 1 && values.operator === undefined) return status(paths[0]);
  console.error(USAGE);
  return 2;
}

async function seal(from: string, to: string, operator: string): Promise<number> {
  const started = performance.now();
  // Ctrl-C stops between pages, so the half-written new folder is removed instead of left behind.
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  process.once('SIGTERM', () => interrupt.abort());
  const outcome = await sealStore({
    from, to, operator, toolVersion: toolVersion(), policy: PERSONAL_DATA_POLICY, progress: progressOn(process.stderr), signal: interrupt.signal,
  });
  if (!outcome.ok && outcome.reason === 'source-chain-broken') {
    const b = outcome.report.firstBreak;
    console.log(`REFUSED: the source log does not verify (${outcome.report.events} events checked); nothing was written`);
    if (b) console.log(`  first broken link: stream ${b.stream} revision ${b.revision} position ${b.position} (${b.reason})`);
    console.log('  run `npm run audit -- verify` on the source and investigate before sealing');
    return 1;
  }
  if (!outcome.ok) {
    console.log(`FAILED (${outcome.reason}): the new store was removed; the source is unchanged`);
    for (const d of outcome.details) console.log(`  ${d}`);
    return 1;
  }
  const t = outcome.manifest.totals;
  const seconds = (performance.now() - started) / 1000;
  console.log(`sealed: ${fmt(t.events)} events in ${fmt(t.streams)} streams in ${seconds.toFixed(1)} s (${fmt(Math.round(t.events / seconds))} events/s, both verifications included)`);
  console.log(`  personal values encrypted: ${fmt(t.fieldsSealed)}; already encrypted, kept: ${fmt(t.fieldsAlreadySealed)}; events with personal data: ${fmt(t.eventsWithPersonalData)}`);
  console.log(`  keys: ${fmt(t.keysCreated)} created; copied from the source's keys.db: ${fmt(t.keysCopied)} keys, ${fmt(t.tombstonesCopied)} tombstones`);
  const outside = Object.entries(outcome.manifest.typesNotInPolicy);
  if (outside.length > 0) console.log(`  copied as they were (types outside the field policy): ${outside.map(([type, n]) => `${type} ${fmt(n)}`).join(', ')}`);
  if (t.erasedSubjectsSealedWithoutKey > 0) console.log(`  ${fmt(t.erasedSubjectsSealedWithoutKey)} erased subjects' values sealed under a key that was never stored (they read as erased)`);
  console.log('OK: counts per stream and in total match, every chain verifies over the ciphertext, every value decrypts to the source\'s');
  console.log(`  new store: ${outcome.files.dir} (events.db, keys.db, seal-manifest.json)`);
  console.log('  next: stop the service, back up keys.db, swap the data folder, destroy the old events.db and its backups (docs/privacy-seal.md)');
  return 0;
}

function status(dir: string): number {
  const files = sourceFiles(dir);
  const s = storeStatus(files, PERSONAL_DATA_POLICY);
  const rows = s.byType.filter((t) => t.plainFields + t.sealedFields > 0 || !t.inPolicy);
  console.log(`store: ${files.events}`);
  console.log(`events: ${fmt(s.events)}; with personal values in clear: ${fmt(s.eventsWithPlain)}`);
  console.log(`personal values: ${fmt(s.plainFields)} in clear, ${fmt(s.sealedFields)} encrypted`);
  if (rows.length > 0) {
    console.log(`  ${'event type'.padEnd(30)} ${'events'.padStart(10)} ${'in clear'.padStart(10)} ${'values clear'.padStart(13)} ${'encrypted'.padStart(10)}`);
    for (const t of rows) {
      const name = t.inPolicy ? t.type : `${t.type} (not in the policy)`;
      console.log(`  ${name.padEnd(30)} ${fmt(t.events).padStart(10)} ${fmt(t.eventsWithPlain).padStart(10)} ${fmt(t.plainFields).padStart(13)} ${fmt(t.sealedFields).padStart(10)}`);
    }
  }
  console.log(s.keyStore ? `keys.db: ${fmt(s.keyStore.keys)} keys, ${fmt(s.keyStore.tombstones)} tombstones` : 'keys.db: none beside events.db');
  console.log(s.plainFields > 0 ? 'needs sealing: yes (npm run privacy -- seal <this> <new-dir>)' : 'needs sealing: no');
  if (s.typesNotInPolicy > 0) console.log(`warning: ${s.typesNotInPolicy} event types are not in this version's field policy`);
  return 0;
}

function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof Error && err.name === 'AbortError') console.error('interrupted: the new store was removed; the source is unchanged');
    else console.error(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    process.exitCode = err instanceof SealUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  },
);

// npm run audit -- verify
// npm run audit -- export (--case <id> | --referral <id> | --request <id>) --from <iso> --to <iso> [--out dir]
// Reads the log directly (DATA_DIR / EVENT_STORE as for the service), so it also works beside a
// running service or on a copy of the data folder handed to an auditor.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAll } from '@liaison/event-store';
import { loadConfig } from '../config/app.config.js';
import { openEventStore } from '../infrastructure/event-store.provider.js';
import { runCli } from './run-cli.js';
import { exportSubject, type ExportSubject } from '../audit/export/export-subject.js';

const USAGE = 'usage: npm run audit -- verify\n       npm run audit -- export (--case <id> | --referral <id> | --request <id>) --from <iso> --to <iso> [--out dir]';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'verify' && command !== 'export') {
    console.error(USAGE);
    return 2;
  }
  const store = await openEventStore(loadConfig());
  try {
    return command === 'verify' ? await verify(store) : await runExport(store, rest);
  } finally {
    await store.close();
  }
}

async function verify(store: Awaited<ReturnType<typeof openEventStore>>): Promise<number> {
  const started = performance.now();
  let next = 100_000;
  const report = await verifyAll(store, {
    onProgress: (n) => {
      if (n >= next) {
        process.stderr.write(`  ${n.toLocaleString('en-US')} events checked\n`);
        next += 100_000;
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`verify: ${report.events} events in ${report.streams} streams checked in ${seconds.toFixed(2)} s`);
  if (report.ok) {
    console.log('OK: every hash chain is intact, revisions are gap-free, $all positions strictly increase');
    return 0;
  }
  const b = report.firstBreak;
  if (b) console.log(`BROKEN: first broken link: stream ${b.stream} revision ${b.revision} position ${b.position} (${b.reason})`);
  for (const x of report.breaks.slice(1)) console.log(`  also: stream ${x.stream} revision ${x.revision} position ${x.position} (${x.reason})`);
  return 1;
}

async function runExport(store: Awaited<ReturnType<typeof openEventStore>>, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { case: { type: 'string' }, referral: { type: 'string' }, request: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  // Exactly one subject: an export mixing two would blur whose disclosures the authority is reading.
  const named = (['case', 'referral', 'request'] as const).filter((k) => values[k] !== undefined);
  const subject: ExportSubject | undefined = named.length === 1 ? { kind: named[0], id: values[named[0]] as string } : undefined;
  if (!subject || !values.from || !values.to) {
    console.error(USAGE);
    return 2;
  }
  const outDir = path.resolve(values.out ?? `audit-export-${subject.id}`);
  const result = await exportSubject(store, { subject, from: values.from, to: values.to, outDir });
  // Counts and paths only: the files hold purposes and personal data, stdout may end up in logs.
  console.log(`export: ${result.accesses} access records, ${result.events} ${subject.kind} events`);
  for (const f of result.files) console.log(`  ${f}`);
  return 0;
}

runCli(main);

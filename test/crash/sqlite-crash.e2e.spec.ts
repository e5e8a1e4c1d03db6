import { afterAll, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store.js';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'liaison-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ack {
  stream: string;
  first: bigint;
  last: bigint;
  batch: string;
  size: number;
}

/** Runs the appender, SIGKILLs it ~1 s after it started appending, returns the acks it printed. */
async function runAndKill(file: string, round: number, writer: 'inline' | 'thread'): Promise<Ack[]> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the child.
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'append-loop.child.ts'), file, String(round), writer], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const started = Date.now();
  while (!out.includes('READY\n')) {
    if (child.exitCode !== null || Date.now() - started > 20_000) throw new Error(`child did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 1000));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  // A line cut by the kill is not an acknowledgement.
  const lines = out.split('\n').slice(0, -1).filter((l) => l.startsWith('ACK '));
  return lines.map((line) => {
    const [, stream, first, last, batch, size] = line.split(' ');
    return { stream, first: BigInt(first), last: BigInt(last), batch, size: Number(size) };
  });
}

async function readEverything(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let from: bigint | 'start' = 'start'; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: 4096 });
    if (page.length === 0) return all;
    all.push(...page);
    from = page[page.length - 1].position + 1n;
  }
}

/** Collects every violation instead of failing on the first, so a failure shows the whole damage. */
function violations(events: RecordedEvent[], acks: Ack[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < events.length; i++) {
    if (events[i].position <= events[i - 1].position) problems.push(`position ${events[i].position} after ${events[i - 1].position}`);
  }
  const push = (map: Map<string, RecordedEvent[]>, key: string, e: RecordedEvent): void => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  const byStream = new Map<string, RecordedEvent[]>();
  const byBatch = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    push(byStream, e.streamId, e);
    push(byBatch, String(e.data.batch), e);
  }
  for (const [stream, list] of byStream) {
    list.forEach((e, i) => e.revision !== BigInt(i) && problems.push(`${stream}: revision ${e.revision} at index ${i}`));
  }
  // All or nothing: a batch that is there at all is there whole, in one stream, contiguous and in order.
  for (const [batch, list] of byBatch) {
    const whole = list.length === Number(list[0].data.size) &&
      list.every((e, i) => e.data.index === i && e.streamId === list[0].streamId && e.revision === list[0].revision + BigInt(i));
    if (!whole) problems.push(`batch ${batch} is partial or scattered`);
  }
  for (const ack of acks) {
    const stored = byBatch.get(ack.batch) ?? [];
    const kept = stored.length === ack.size && ack.last - ack.first === BigInt(ack.size - 1) &&
      stored.every((e, i) => e.streamId === ack.stream && e.revision === ack.first + BigInt(i));
    if (!kept) problems.push(`acknowledged ${ack.batch} (${ack.stream}@${ack.first}..${ack.last}) not stored as acknowledged`);
  }
  return problems;
}

it.each(['inline', 'thread'] as const)('keeps every acknowledged append, whole, across SIGKILL (twice, reusing the crashed file; %s writer)', async (writer) => {
  const file = join(dir, `crash-${writer}.db`);
  const acks: Ack[] = [];
  for (const round of [1, 2]) {
    const roundAcks = await runAndKill(file, round, writer);
    // Enough traffic that losing the tail of the WAL would be noticed.
    expect(roundAcks.length).toBeGreaterThan(50);
    acks.push(...roundAcks);
    console.log(`${writer} writer, round ${round}: ${roundAcks.length} acknowledged appends`);

    const store = SqliteEventStore.open(file);
    const events = await readEverything(store);
    await store.close();
    expect(events.length).toBeGreaterThanOrEqual(acks.reduce((n, a) => n + a.size, 0));
    expect(violations(events, acks).slice(0, 20)).toEqual([]);
  }
  const db = new Database(file, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
}, 90_000);

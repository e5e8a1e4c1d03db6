// A migration process killed (SIGKILL) half-way and started again ends with the same log as one that
// ran through: `npm run store -- migrate` against the emulator, killed once the target holds some of
// the events and not all.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, chainEvents } from '@liaison/event-store';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { startEsdbEmulator, type EsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';

const STREAMS = 1500;
const PER_STREAM = 8;
let dataDir: string;
let emulator: EsdbEmulator;
let target: EsdbEventStore;

function migrate(): { done: Promise<{ code: number | null; stdout: string }>; kill: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/store.cli.ts', 'migrate', '--to', emulator.connectionString], {
    env: { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.resume();
  const done = new Promise<{ code: number | null; stdout: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout })));
  return { done, kill: () => child.kill('SIGKILL') };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-migrate-kill-'));
  const source = SqliteEventStore.open(path.join(dataDir, 'events.db'));
  // Interleaved streams, as a real log: many small appends for the migration to work through.
  for (let round = 0; round < PER_STREAM / 2; round++) {
    await Promise.all(Array.from({ length: STREAMS }, async (_, s) => {
      const [last] = round === 0 ? [] : await source.readStream(`case-${s}`, { direction: 'backwards', maxCount: 1 });
      const prev = (last?.metadata.chain as { hash: string } | undefined)?.hash ?? null;
      const events = Array.from({ length: 2 }, (_, k) => ({ type: 'Noted', data: { s, n: round * 2 + k }, metadata: { actor: 'spec' } }));
      await source.append(`case-${s}`, chainEvents(prev, events).events, { expectedRevision: round === 0 ? 'no_stream' : BigInt(round * 2 - 1) });
    }));
  }
  await source.close();
  emulator = await startEsdbEmulator();
  target = EsdbEventStore.fromConnectionString(emulator.connectionString);
}, 60_000);

afterAll(async () => {
  await Promise.race([target?.close(), new Promise((r) => setTimeout(r, 3000))]);
  await emulator?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run store -- migrate, killed and resumed', () => {
  it('copies the rest after a SIGKILL half-way, nothing twice, and both sides compare equal', async () => {
    const total = STREAMS * PER_STREAM;
    const first = migrate();
    // Killed as soon as the first events arrive (the copy takes seconds; the CLI starts in ~1 s).
    for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 20))) {
      if ((await target.readAll({ direction: 'backwards', maxCount: 1 })).length > 0) break;
    }
    first.kill();
    expect((await first.done).code).toBeNull();
    const before = await countIn(target);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(total);

    const second = await migrate().done;
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`migrate: ${total - before} events copied .*; ${before} were already there`));
    expect(second.stdout).toContain('OK: same streams, same counts and last revisions, same chain heads');
    expect(await countIn(target)).toBe(total);
  }, 120_000);
});

async function countIn(store: EsdbEventStore): Promise<number> {
  return (await store.readAll({ maxCount: 1_000_000 })).length;
}

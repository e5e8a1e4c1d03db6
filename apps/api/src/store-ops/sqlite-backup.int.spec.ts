// Online backup of the embedded store while it keeps committing: the copy holds every event
// acknowledged before the backup started, verifies, restores, and the restored log verifies too.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, chainEvents, readAllAfter, verifyAll } from '@liaison/event-store';
import { backupDataDir, restoreDataDir } from './sqlite-backup.js';

const run = promisify(execFile);
let root: string;
let dataDir: string;

async function appendChained(store: SqliteEventStore, streamId: string, prev: { revision: bigint; hash: string | null }) {
  const { events, last } = chainEvents(prev.hash, [{ type: 'Ticked', data: { n: Number(prev.revision + 1n) }, metadata: { actor: 'spec' } }]);
  const result = await store.append(streamId, events, { expectedRevision: prev.revision < 0n ? 'no_stream' : prev.revision });
  return { revision: prev.revision + 1n, hash: last, position: result.position };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'liaison-backup-'));
  dataDir = path.join(root, 'data');
  await mkdir(dataDir);
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('npm run store -- backup / restore (embedded store)', () => {
  it('takes a consistent backup while writers keep appending, with every event acknowledged before it started', async () => {
    const store = SqliteEventStore.open(path.join(dataDir, 'events.db'), { writer: 'thread' });
    const tails = Array.from({ length: 4 }, () => ({ revision: -1n, hash: null as string | null, position: -1n }));
    for (let i = 0; i < 400; i++) tails[i % 4] = await appendChained(store, `tick-${i % 4}`, tails[i % 4]);
    let writing = true;
    const writers = tails.map(async (tail, w) => {
      let t = tail;
      while (writing) t = await appendChained(store, `tick-${w}`, t);
    });
    const acknowledged = await store.headPosition();
    const acknowledgedIds = (await readAllAfter(store, undefined, 100_000)).filter((e) => e.position <= acknowledged).map((e) => e.id);
    const { manifest, verified } = await backupDataDir(dataDir, path.join(root, 'backup-1'));
    writing = false;
    await Promise.all(writers);
    await store.close();

    expect(verified.ok).toBe(true);
    expect(BigInt(manifest.head)).toBeGreaterThanOrEqual(acknowledged);
    expect(manifest.events).toBeGreaterThanOrEqual(400);
    const copy = SqliteEventStore.open(path.join(root, 'backup-1', 'events.db'));
    try {
      const copied = new Set((await readAllAfter(copy, undefined, 100_000)).map((e) => e.id));
      expect(acknowledgedIds.length).toBeGreaterThanOrEqual(400);
      expect(acknowledgedIds.filter((id) => !copied.has(id))).toEqual([]);
    } finally {
      await copy.close();
    }
  }, 60_000);

  it('restores into an empty data folder, refuses to overwrite one without --force, and the restored log verifies', async () => {
    const target = path.join(root, 'restored');
    const { manifest, verified } = await restoreDataDir(path.join(root, 'backup-1'), target);
    expect(verified).toMatchObject({ ok: true, events: manifest.events });
    await expect(restoreDataDir(path.join(root, 'backup-1'), target)).rejects.toThrow(/--force/);
    await restoreDataDir(path.join(root, 'backup-1'), target, { force: true });
    expect(existsSync(path.join(target, 'events.db.before-restore'))).toBe(true);
    const restored = SqliteEventStore.open(path.join(target, 'events.db'));
    try {
      expect((await verifyAll(restored)).events).toBe(manifest.events);
    } finally {
      await restored.close();
    }
  });

  it('works from the command line beside a writing service, and refuses a folder that already holds a backup', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: '' };
    const cli = (...args: string[]) => run('npx', ['tsx', 'apps/api/src/cli/store.cli.ts', ...args], { env, cwd: process.cwd() });
    // Another process, as in production: this one keeps committing while the CLI copies.
    const store = SqliteEventStore.open(path.join(dataDir, 'events.db'), { writer: 'thread' });
    const [last] = await store.readStream('tick-9', { direction: 'backwards', maxCount: 1 }).catch(() => []);
    let tail = { revision: last?.revision ?? -1n, hash: (last?.metadata.chain as { hash?: string } | undefined)?.hash ?? null, position: -1n };
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        tail = await appendChained(store, 'tick-9', tail);
        written++;
      }
    })();
    const acknowledged = await store.headPosition();
    const backedUp = cli('backup', path.join(root, 'backup-cli'));
    const { stdout } = await backedUp.finally(() => (writing = false));
    await writer;
    await store.close();
    expect(written).toBeGreaterThan(0);
    expect(BigInt(/up to position (\d+)/.exec(stdout)?.[1] ?? '-1')).toBeGreaterThanOrEqual(acknowledged);
    expect(stdout).toMatch(/^backup: \d+ events up to position \d+ in /);
    expect(stdout).toContain("OK: the backup's hash chains verify");
    await expect(cli('backup', path.join(root, 'backup-cli'))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already holds a backup') });
    const restored = await run('npx', ['tsx', 'apps/api/src/cli/store.cli.ts', 'restore', path.join(root, 'backup-cli')], { env: { ...env, DATA_DIR: path.join(root, 'restored-cli') } });
    expect(restored.stdout).toContain('OK: every hash chain is intact');
  }, 60_000);
});

// Embedded store → EventStoreDB (the in-process protocol emulator, through the real client): the seed
// story told on SQLite, migrated, served again from EventStoreDB with the same answers; chains verify,
// recording times survive, an interrupted run resumes to the same result, a foreign target is refused.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, chainEvents, verifyAll, type EventStore, type JsonObject, type RecordedEvent } from '@liaison/event-store';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { createApp } from '../app.factory.js';
import type { AppConfig } from '../config/app.config.js';
import { mintDevToken, type DevCountry } from '../dev/dev-token.client.js';
import type { Role } from '../auth/index.js';
import { runSeedStory, type SeedStoryResult } from '../demo/seed-story.scenario.js';
import { startEsdbEmulator, type EsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { MAX_APPEND_BYTES, MigrationRefused, migrateToEsdb } from './migrate-to-esdb.js';
import { compareSummaries, summarise } from './compare-stores.js';

const URLS = (s: SeedStoryResult) => [
  '/api/v1/cases', `/api/v1/cases/${s.cases.main}`, '/api/v1/detentions/counts', '/api/v1/detentions', `/api/v1/audit/cases/${s.cases.main}`,
];

let dataDir: string;
let sourceFile: string;
let story: SeedStoryResult;
const before = new Map<string, unknown>();
const emulators: EsdbEmulator[] = [];
const clients: EsdbEventStore[] = [];

async function serve(config: AppConfig, store: EventStore) {
  const { app } = await createApp(config, store, { authEnv: {} });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  const base = `http://127.0.0.1:${address.port}`;
  const token = (country: DevCountry, role: Role, sub: string) => mintDevToken({ country, role, sub, baseUrl: base });
  const answer = async (url: string, minPosition?: bigint) => {
    const sup = await token('SE', 'supervisor', 'migration-se-sup');
    const sep = url.includes('?') ? '&' : '?';
    const res = await fetch(`${base}${url}${minPosition === undefined ? '' : `${sep}minPosition=${minPosition}`}`, {
      headers: { authorization: `Bearer ${sup}`, 'x-purpose': 'migration comparison' },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: unknown }).data;
  };
  return { app, base, token, answer };
}

async function emulatedTarget(): Promise<EsdbEventStore> {
  const emulator = await startEsdbEmulator();
  emulators.push(emulator);
  const client = EsdbEventStore.fromConnectionString(emulator.connectionString);
  clients.push(client);
  return client;
}

async function renumbering(file: string, target: EventStore): Promise<Map<string, string>> {
  const source = SqliteEventStore.open(file);
  try {
    const targetOf = new Map((await target.readAll({ maxCount: 100_000 })).map((e) => [e.id, e.position.toString()]));
    return new Map((await source.readAll({ maxCount: 100_000 })).map((e) => [e.position.toString(), targetOf.get(e.id) ?? 'missing']));
  } finally {
    await source.close();
  }
}

/** The answer with every position-valued field renumbered. */
function withPositions(value: unknown, renumber: Map<string, string>, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => withPositions(v, renumber));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPositions(v, renumber, k)]));
  }
  return /position|readAt/i.test(key) && (typeof value === 'string' || typeof value === 'number') ? (renumber.get(String(value)) ?? value) : value;
}

function withoutSourcePosition(e: RecordedEvent): RecordedEvent {
  const { sourcePosition: _p, ...chain } = e.metadata.chain as JsonObject;
  return { ...e, metadata: { ...e.metadata, chain } };
}

const sameEvent = (e: RecordedEvent) => ({ id: e.id, streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata, revision: e.revision, recordedAt: e.recordedAt });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-migrate-'));
  sourceFile = path.join(dataDir, 'events.db');
  const config: AppConfig = { port: 0, host: '127.0.0.1', dataDir, eventStore: 'sqlite', production: false, bodyLimit: 65536, logLevel: 'error' };
  const store = SqliteEventStore.open(sourceFile);
  const sqlite = await serve(config, store);
  story = await runSeedStory({ baseUrl: sqlite.base, token: sqlite.token }, { now: new Date(Date.now() - 60_000), platforms: false });
  for (const url of URLS(story)) before.set(url, await sqlite.answer(url, BigInt(story.position)));
  await sqlite.app.close();
  await store.close();
}, 90_000);

afterAll(async () => {
  for (const c of clients) await Promise.race([c.close(), new Promise((r) => setTimeout(r, 3000))]);
  for (const e of emulators) await e.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run store -- migrate (embedded → EventStoreDB)', () => {
  let target: EsdbEventStore;

  it('copies every event with its id, stream, revision, data, metadata and recording time; both sides compare equal', async () => {
    target = await emulatedTarget();
    const progress: number[] = [];
    const report = await migrateToEsdb({ sourceFile, target, pageSize: 97, onProgress: (done) => progress.push(done) });
    expect(report.copied).toBe(report.total);
    expect(progress.at(-1)).toBe(report.total);
    const source = SqliteEventStore.open(sourceFile);
    try {
      const comparison = compareSummaries(await summarise(source), await summarise(target));
      expect(comparison).toMatchObject({ same: true, differences: [] });
      const stream = `case-${story.cases.main}`;
      const [copied, original] = [await target.readStream(stream), await source.readStream(stream)];
      expect(copied.map((e) => (e.metadata.chain as JsonObject).sourcePosition)).toEqual(original.map((e) => e.position.toString()));
      expect(copied.map(withoutSourcePosition).map(sameEvent)).toEqual(original.map(sameEvent));
    } finally {
      await source.close();
    }
    expect((await verifyAll(target)).ok).toBe(true);
  }, 60_000);

  it('serves the same answers from the migrated log as the embedded store did', async () => {
    const config: AppConfig = {
      port: 0, host: '127.0.0.1', dataDir: await mkdtemp(path.join(tmpdir(), 'liaison-migrated-')), eventStore: 'esdb',
      esdbConnectionString: emulators[0].connectionString, production: false, bodyLimit: 65536, logLevel: 'error',
    };
    const served = await serve(config, target);
    try {
      const head = await target.headPosition();
      // EventStoreDB numbers $all its own way: positions in the answers are compared through the
      // source → target renumbering (by event id); everything else byte for byte.
      const renumber = await renumbering(sourceFile, target);
      for (const url of URLS(story)) {
        expect({ url, data: await served.answer(url, head) }).toEqual({ url, data: withPositions(before.get(url), renumber) });
      }
    } finally {
      await served.app.close();
      await rm(config.dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('resumes a run interrupted half-way to the same result, copying nothing twice', async () => {
    const resumed = await emulatedTarget();
    let appends = 0;
    const failing: EventStore = Object.create(resumed) as EventStore;
    failing.append = async (...args) => {
      if (++appends > 8) throw new Error('killed half-way');
      return resumed.append(...args);
    };
    await expect(migrateToEsdb({ sourceFile, target: failing, pageSize: 50 })).rejects.toThrow('killed half-way');
    const report = await migrateToEsdb({ sourceFile, target: resumed, pageSize: 50 });
    expect(report.alreadyThere).toBeGreaterThan(0);
    expect(report.alreadyThere + report.copied).toBe(report.total);
    const source = SqliteEventStore.open(sourceFile);
    try {
      expect(compareSummaries(await summarise(source), await summarise(resumed)).same).toBe(true);
    } finally {
      await source.close();
    }
    expect(await migrateToEsdb({ sourceFile, target: resumed })).toMatchObject({ copied: 0, alreadyThere: report.total });
  }, 60_000);

  it('runs from the command line with a progress bar (rate, ETA), then compares both sides; audit verify passes on the target', async () => {
    await emulatedTarget();
    const { connectionString } = emulators[emulators.length - 1];
    const env = { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: '' };
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'apps/api/src/cli/store.cli.ts', 'migrate', '--to', connectionString], { env });
    expect(stdout).toMatch(/^migrate: \d+ events copied in \d+ appends, [\d.]+ s \(\d+ events\/s\); 0 were already there/);
    expect(stdout).toContain('OK: same streams, same counts and last revisions, same chain heads');
    expect(stderr).toMatch(/migrate \|.*\| 100% \| (\d+)\/\1 events \| \d+ events\/s \| ETA/);
    const verify = await promisify(execFile)('npx', ['tsx', 'apps/api/src/cli/audit.cli.ts', 'verify'], {
      env: { ...env, EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: connectionString },
    });
    expect(verify.stdout).toContain('OK: every hash chain is intact');
  }, 60_000);

  it('splits long runs of large events into appends a server accepts', async () => {
    const file = path.join(dataDir, 'large.db');
    const large = SqliteEventStore.open(file);
    const text = 'x'.repeat(300 * 1024);
    await large.append('case-large', chainEvents(null, Array.from({ length: 6 }, (_, n) => ({ type: 'Large', data: { n, text }, metadata: { actor: 'spec' } }))).events);
    await large.close();
    const target = await emulatedTarget();
    expect(await migrateToEsdb({ sourceFile: file, target })).toMatchObject({ copied: 6, appends: 6 / Math.floor(MAX_APPEND_BYTES / (300 * 1024 + 20)) });
    expect((await target.readStream('case-large')).map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect((await verifyAll(target)).ok).toBe(true);
  }, 30_000);

  it('refuses a target that holds events of another log', async () => {
    const foreign = await emulatedTarget();
    await foreign.append('case-elsewhere', [{ type: 'CaseOpened', data: {}, metadata: {} }]);
    await expect(migrateToEsdb({ sourceFile, target: foreign })).rejects.toThrow(MigrationRefused);
  });
});

// The whole service on the EventStoreDB adapter: commands, projections fed by EventStoreDB
// subscriptions, read-your-writes, access records and hash chains — through the real
// @eventstore/db-client against the in-process protocol emulator (no server can run here).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { verifyAll } from '@liaison/event-store';
import { createApp } from '../../apps/api/src/app.factory.js';
import type { AppConfig } from '../../apps/api/src/config/app.config.js';
import type { Role } from '../../apps/api/src/auth/index.js';
import { mintDevToken, type DevCountry } from '../../apps/api/src/dev/dev-token.client.js';
import { runSeedStory, type SeedStoryResult } from '../../apps/api/src/demo/seed-story.scenario.js';
import { startEsdbEmulator, type EsdbEmulator } from '../support/esdb-emulator/esdb-emulator.js';

describe('Liaison on EventStoreDB (emulated server protocol)', () => {
  let emulator: EsdbEmulator;
  let store: EsdbEventStore;
  let app: NestFastifyApplication;
  let dataDir: string;
  let base: string;
  let story: SeedStoryResult;
  const token = (country: DevCountry, role: Role, sub: string) => mintDevToken({ country, role, sub, dataDir });
  const get = async (url: string, tok: string) => {
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${tok}`, 'x-purpose': 'esdb mode integration check' } });
    return { status: res.status, body: (await res.json()) as { readAt: string; data: Record<string, unknown> } };
  };

  beforeAll(async () => {
    emulator = await startEsdbEmulator();
    dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-esdb-mode-'));
    const config: AppConfig = {
      port: 0, host: '127.0.0.1', dataDir, eventStore: 'esdb', esdbConnectionString: emulator.connectionString,
      production: false, bodyLimit: 64 * 1024, logLevel: 'error',
    };
    store = EsdbEventStore.fromConnectionString(emulator.connectionString);
    ({ app } = await createApp(config, store, { authEnv: {} }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    if (address === null || typeof address === 'string') throw new Error('no TCP port');
    base = `http://127.0.0.1:${address.port}`;
    // The referral half runs on EventStoreDB in test/e2e/referrals.e2e.spec.ts; here the case half.
    story = await runSeedStory({ baseUrl: base, token }, { now: new Date(Date.now() - 60_000), platforms: false });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await Promise.race([store?.close(), new Promise((r) => setTimeout(r, 3000))]);
    await emulator?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers "how many Swedish citizens are detained in Denmark" from EventStoreDB-fed read models', async () => {
    const dk = await token('DK', 'officer', 'esdb-dk-1');
    const no = await token('NO', 'officer', 'esdb-no-1');
    const counts = await get(`/api/v1/detentions/counts?nationality=SE&holdingCountry=DK&minPosition=${story.position}`, dk);
    expect(counts.status).toBe(200);
    expect(counts.body.data.items).toEqual([{ nationality: 'SE', holdingCountry: 'DK', count: story.expected.swedesDetainedInDenmark }]);
    expect(BigInt(counts.body.readAt)).toBeGreaterThanOrEqual(BigInt(story.position));
    const none = await get(`/api/v1/detentions/counts?minPosition=${story.position}`, no);
    expect(none.body.data.items).toEqual([]);
  });

  it('chains every case event and records accesses as events in EventStoreDB', async () => {
    const se = await token('SE', 'supervisor', 'esdb-se-sup');
    const verify = await get(`/api/v1/audit/verify?case=${story.cases.main}`, se);
    expect(verify.status).toBe(200);
    expect(verify.body.data).toMatchObject({ ok: true });
    const accesses = await store.readAll({ direction: 'backwards', maxCount: 50 });
    expect(accesses.some((e) => e.type === 'CaseDataAccessed' && e.streamId.startsWith('access-'))).toBe(true);
  });

  it('pages $all from event positions only (the emulator, like a server, refuses any other)', async () => {
    // Small pages force many page boundaries through the whole log.
    const report = await verifyAll(store, { pageSize: 7 });
    expect(report.ok).toBe(true);
    expect(report.events).toBeGreaterThan(story.commands);
  });
});

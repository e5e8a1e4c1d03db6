// Two service instances (replicas A and B) on one EventStoreDB (the in-process protocol emulator,
// through the real client): Idempotency-Keys hold across replicas, and each replica appends its
// access records to its own hash-chained streams (ADR 21), so reads on both never contend.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { verifyAll, type RecordedEvent } from '@liaison/event-store';
import { createApp } from '../../apps/api/src/app.factory.js';
import type { AppConfig } from '../../apps/api/src/config/app.config.js';
import { devIssuerUrl, mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { openCaseBody, personBody } from '../../apps/api/src/cases/commands/testing/case-commands.harness.js';
import { startEsdbEmulator, type EsdbEmulator } from '../support/esdb-emulator/esdb-emulator.js';

interface Replica { app: NestFastifyApplication; store: EsdbEventStore; base: string; dataDir: string }
type Reply = { status: number; body: Record<string, unknown>; retryAfter: string | null };

let emulator: EsdbEmulator;
let a: Replica;
let b: Replica;
let token: string;

async function startReplica(replicaId: string, authEnv: Record<string, string>): Promise<Replica> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `liaison-replica-${replicaId}-`));
  const config: AppConfig = {
    port: 0, host: '127.0.0.1', dataDir, eventStore: 'esdb', esdbConnectionString: emulator.connectionString,
    replicaId, production: false, bodyLimit: 64 * 1024, logLevel: 'error',
  };
  const store = EsdbEventStore.fromConnectionString(emulator.connectionString);
  const { app } = await createApp(config, store, { authEnv });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return { app, store, base: `http://127.0.0.1:${address.port}`, dataDir };
}

async function call(r: Replica, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${r.base}${url}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, retryAfter: res.headers.get('retry-after') };
}

const streamEvents = async (streamId: string): Promise<RecordedEvent[]> => a.store.readStream(streamId, { maxCount: 1000 });

beforeAll(async () => {
  emulator = await startEsdbEmulator();
  a = await startReplica('replica-a', {});
  token = await mintDevToken({ country: 'SE', role: 'officer', sub: 'se-replicas-1', baseUrl: a.base });
  // B trusts A's development IdP, as replicas behind one proxy trust the same issuers: one officer,
  // one issuer, so the officer-scoped key is the same on both.
  const roles = { roles: { claims: ['roles'], values: { officer: 'officer', analyst: 'analyst', supervisor: 'supervisor' } } };
  const issuer = devIssuerUrl(a.dataDir, 'SE');
  b = await startReplica('replica-b', {
    TRUSTED_ISSUERS: JSON.stringify([{ discoveryUrl: `${issuer}/.well-known/openid-configuration`, country: 'SE', algorithms: ['ES256'], claims: roles }]),
  });
}, 60_000);

afterAll(async () => {
  for (const r of [a, b]) {
    await r?.app.close();
    await Promise.race([r?.store.close(), new Promise((done) => setTimeout(done, 3000))]);
    if (r) await rm(r.dataDir, { recursive: true, force: true });
  }
  await emulator?.stop();
});

describe('Idempotency-Key across replicas', () => {
  it('runs a command sent to both replicas at once exactly once, and both answer the same', async () => {
    const headers = { 'idempotency-key': 'replicas-open-1' };
    const [fromA, fromB] = await Promise.all([call(a, 'POST', '/api/v1/cases', openCaseBody(), headers), call(b, 'POST', '/api/v1/cases', openCaseBody(), headers)]);
    expect([fromA.status, fromB.status]).toEqual([201, 201]);
    expect(fromB.body).toEqual(fromA.body);
    expect(await streamEvents(`case-${fromA.body.caseId as string}`)).toHaveLength(1);
    const later = await call(b, 'POST', '/api/v1/cases', openCaseBody(), headers);
    expect(later).toEqual(fromA);
  });

  it('refuses on B a key used on A for another request (422), and records nothing', async () => {
    const opened = await call(a, 'POST', '/api/v1/cases', openCaseBody());
    const caseId = opened.body.caseId as string;
    const headers = { 'idempotency-key': 'replicas-register-1' };
    expect((await call(a, 'POST', `/api/v1/cases/${caseId}/persons`, personBody(), headers)).status).toBe(201);
    const other = await call(b, 'POST', `/api/v1/cases/${caseId}/persons`, personBody({ name: 'Someone Else' }), headers);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await streamEvents(`case-${caseId}`)).toHaveLength(2);
  });

  it('frees a key whose command failed on A, so the retry on B runs it', async () => {
    const caseId = (await call(a, 'POST', '/api/v1/cases', openCaseBody())).body.caseId as string;
    const headers = { 'idempotency-key': 'replicas-register-2' };
    const stale = await call(a, 'POST', `/api/v1/cases/${caseId}/persons`, personBody(), { ...headers, 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const retry = await call(b, 'POST', `/api/v1/cases/${caseId}/persons`, personBody(), headers);
    expect(retry.status).toBe(201);
    expect((await streamEvents(`case-${caseId}`)).map((e) => e.type)).toEqual(['CaseOpened', 'PersonRegistered']);
  });
});

describe('access log across replicas', () => {
  it('records reads on each replica in its own chained stream, none lost, every chain intact', async () => {
    const opened = await call(a, 'POST', '/api/v1/cases', openCaseBody());
    const caseId = opened.body.caseId as string;
    const read = { 'x-purpose': 'replica access-log check' };
    // minPosition: B, whose read models follow $all on their own, answers only once it has A's write.
    const url = `/api/v1/cases/${caseId}?minPosition=${opened.body.position as string}`;
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => call(i % 2 ? b : a, 'GET', url, undefined, read)));
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    const day = new Date().toISOString().slice(0, 10);
    const onA = (await streamEvents(`access-SE-${day}-replica-a`)).filter((e) => e.data.caseIds && (e.data.caseIds as string[]).includes(caseId));
    const onB = (await streamEvents(`access-SE-${day}-replica-b`)).filter((e) => (e.data.caseIds as string[]).includes(caseId));
    expect([onA.length, onB.length]).toEqual([20, 20]);
    const report = await verifyAll(a.store);
    expect(report).toMatchObject({ ok: true, breaks: [] });
  });
});

describe('a leader change under the replicas', () => {
  it('hides one "not leader" refusal, answers 503 with Retry-After while the election lasts, and never records twice', async () => {
    const caseId = (await call(a, 'POST', '/api/v1/cases', openCaseBody())).body.caseId as string;
    emulator.refuseAppendsAsFollower(1);
    expect((await call(b, 'POST', `/api/v1/cases/${caseId}/persons`, personBody())).status).toBe(201);
    emulator.refuseAppendsAsFollower(2);
    const during = await call(a, 'POST', `/api/v1/cases/${caseId}/persons`, personBody({ name: 'Second Person' }));
    expect(during).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    expect((await call(a, 'POST', `/api/v1/cases/${caseId}/persons`, personBody({ name: 'Second Person' }))).status).toBe(201);
    expect((await streamEvents(`case-${caseId}`)).map((e) => e.type)).toEqual(['CaseOpened', 'PersonRegistered', 'PersonRegistered']);
  });
});

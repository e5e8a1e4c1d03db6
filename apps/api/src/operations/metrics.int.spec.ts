// /metrics: absent unless METRICS_TOKEN is set, then only for that bearer token, in Prometheus format
// with route latencies, 5xx by code, access-log appends, projection lag and free space.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SqliteEventStore, StorageFull } from '@liaison/event-store';
import { createApp } from '../app.factory.js';
import type { AppConfig } from '../config/app.config.js';
import { mintDevToken } from '../dev/dev-token.client.js';
import { openCaseBody } from '../cases/commands/testing/case-commands.harness.js';

const METRICS_TOKEN = 'metrics-scraper-secret-1';

async function start(metricsToken: string | undefined) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-metrics-'));
  const config: AppConfig = { port: 0, host: '127.0.0.1', dataDir, eventStore: 'sqlite', production: false, bodyLimit: 65536, logLevel: 'error', metricsToken };
  const store = SqliteEventStore.open(path.join(dataDir, 'events.db'));
  const { app } = await createApp(config, store, { authEnv: {} });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, store, dataDir, base: `http://127.0.0.1:${port}` };
}

type Started = { app: NestFastifyApplication; store: SqliteEventStore; dataDir: string; base: string };
const started: Started[] = [];
afterAll(async () => {
  for (const s of started) {
    await s.app.close();
    await s.store.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
});

describe('/metrics', () => {
  let s: Started;
  beforeAll(async () => {
    s = await start(METRICS_TOKEN);
    started.push(s);
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const plain = await start(undefined);
    started.push(plain);
    expect((await fetch(`${plain.base}/metrics`)).status).toBe(404);
  });

  it('refuses a scraper without the token, and a user token', async () => {
    expect((await fetch(`${s.base}/metrics`)).status).toBe(401);
    const officer = await mintDevToken({ country: 'SE', role: 'supervisor', sub: 'metrics-se', dataDir: s.dataDir });
    expect((await fetch(`${s.base}/metrics`, { headers: { authorization: `Bearer ${officer}` } })).status).toBe(401);
  });

  it('reports latency by route, 503s by code, access-log appends, projection lag and free space', async () => {
    const se = await mintDevToken({ country: 'SE', role: 'officer', sub: 'metrics-officer', dataDir: s.dataDir });
    const auth = { authorization: `Bearer ${se}`, 'content-type': 'application/json' };
    expect((await fetch(`${s.base}/api/v1/cases`, { method: 'POST', headers: auth, body: JSON.stringify(openCaseBody()) })).status).toBe(201);
    expect((await fetch(`${s.base}/api/v1/cases`, { headers: { ...auth, 'x-purpose': 'Metrics check' } })).status).toBe(200);
    const spy = jest.spyOn(s.store, 'append').mockRejectedValue(new StorageFull('SQLITE_FULL', 'full'));
    expect((await fetch(`${s.base}/api/v1/cases`, { method: 'POST', headers: auth, body: JSON.stringify(openCaseBody()) })).status).toBe(503);
    spy.mockRestore();

    const res = await fetch(`${s.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/liaison_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/cases",status="201"\} 1/);
    expect(text).toMatch(/liaison_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases",status="200"\} 1/);
    expect(text).toMatch(/liaison_http_server_errors_total\{status="503",code="STORE_FULL"\} 1/);
    expect(text).toMatch(/liaison_access_log_appends_total\{outcome="ok"\} 1/);
    expect(text).toMatch(/liaison_projection_lag_events\{projection="cases"\} \d+/);
    expect(text).toMatch(/liaison_disk_free_bytes [1-9]/);
    expect(text).toMatch(/liaison_disk_reserve_bytes \d+/);
    // Route patterns only: no ids or query strings in any label.
    expect(text).not.toMatch(/Metrics check|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

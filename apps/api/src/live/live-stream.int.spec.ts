import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SqliteEventStore } from '@liaison/event-store';
import { createApp } from '../app.factory.js';
import type { AppConfig } from '../config/app.config.js';
import { mintDevToken } from '../dev/dev-token.client.js';
import { LiveStreamController } from './live.http.controller.js';
import { ANNOUNCE_EVERY_MS } from './position-feed.js';

let app: NestFastifyApplication;
let store: SqliteEventStore;
let dataDir: string;
let base: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-live-'));
  const config: AppConfig = { port: 0, host: '127.0.0.1', dataDir, eventStore: 'sqlite', production: false, bodyLimit: 65536, logLevel: 'error' };
  store = SqliteEventStore.open(path.join(dataDir, 'events.db'));
  ({ app } = await createApp(config, store, { authEnv: {} }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Reads SSE `position` events until `until` says stop. */
async function readPositions(res: Response, until: (positions: string[]) => boolean): Promise<string[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
  const positions: string[] = [];
  let buffer = '';
  while (!until(positions)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(block);
      if (/^event: position$/m.test(block) && data) positions.push((JSON.parse(data[1] as string) as { position: string }).position);
    }
  }
  await reader.cancel();
  return positions;
}

describe('GET /api/v1/stream', () => {
  test('needs a token', async () => {
    expect((await fetch(`${base}/api/v1/stream`)).status).toBe(401);
  });

  test('announces the position on connect and after a case command, but not after reads (access records)', async () => {
    const token = await mintDevToken({ country: 'SE', role: 'officer', sub: 'live-spec', dataDir });
    const auth = { authorization: `Bearer ${token}` };
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/stream`, { headers: auth, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const done = readPositions(res, (p) => p.length >= 2);
    // A read appends an access record; it must not wake the dashboards (or every refetch would trigger the next).
    await fetch(`${base}/api/v1/detentions/counts`, { headers: auth });
    await new Promise((r) => setTimeout(r, 300));
    const opened = await fetch(`${base}/api/v1/cases`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Live spec (fictional)', offenceCategory: 'test', handlingCode: 'H0' }),
    });
    const { position } = (await opened.json()) as { position: string };
    const positions = await done;
    expect(positions[1]).toBe(position);
    // Announced only once the read models have it: a read at that position answers at once.
    const read = await fetch(`${base}/api/v1/detentions/counts?minPosition=${position}`, { headers: auth });
    expect(read.status).toBe(200);
    controller.abort();
    // The server notices the disconnect and drops the stream.
    const live = app.get(LiveStreamController);
    for (let i = 0; i < 50 && live.openStreams > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(live.openStreams).toBe(0);
  });

  test('announces an information request, so the Requests view and the deadlines board follow it', async () => {
    const token = await mintDevToken({ country: 'SE', role: 'officer', sub: 'live-requests', dataDir });
    const auth = { authorization: `Bearer ${token}` };
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/stream`, { headers: auth, signal: controller.signal });
    const done = readPositions(res, (p) => p.length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    const filed = await fetch(`${base}/api/v1/information-requests`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        requestedCountry: 'DK', requestingAuthority: 'SPOC (fictional)', informationSought: 'Live spec (fictional)', purpose: 'Live spec',
        urgent: false, access: 'direct', language: 'en',
      }),
    });
    expect(filed.status).toBe(201);
    const { position } = (await filed.json()) as { position: string };
    expect((await done)[1]).toBe(position);
    controller.abort();
  });

  test('paces announcements while commands stream in, and always announces the last position', async () => {
    const token = await mintDevToken({ country: 'SE', role: 'officer', sub: 'live-pace', dataDir });
    const auth = { authorization: `Bearer ${token}` };
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/stream`, { headers: auth, signal: controller.signal });
    const positions: string[] = [];
    const reading = readPositions(res, (p) => {
      positions.splice(0, positions.length, ...p);
      return false;
    }).catch(() => undefined); // ends when the stream is aborted below
    const started = Date.now();
    let commands = 0;
    let last = '';
    while (Date.now() - started < 1200) {
      const opened = await fetch(`${base}/api/v1/cases`, {
        method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Pace ${commands} (fictional)`, offenceCategory: 'test', handlingCode: 'H0' }),
      });
      expect(opened.status).toBe(201);
      last = ((await opened.json()) as { position: string }).position;
      commands++;
    }
    for (let i = 0; i < 100 && positions[positions.length - 1] !== last; i++) await new Promise((r) => setTimeout(r, 20));
    const elapsed = Date.now() - started;
    controller.abort();
    await reading;
    expect(commands).toBeGreaterThan(40);
    expect(positions[positions.length - 1]).toBe(last);
    // The position on connect, then one per interval at most, the last one included.
    expect(positions.length).toBeLessThanOrEqual(2 + Math.ceil(elapsed / ANNOUNCE_EVERY_MS));
    expect(positions.length).toBeGreaterThanOrEqual(3);
  });
});

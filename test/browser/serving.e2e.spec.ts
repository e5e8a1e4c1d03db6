/**
 * How the built service sends the dashboard (issue 19), over plain HTTP: hashed assets precompressed
 * (br, else gzip) and cached for a year as immutable, index.html revalidated, and source maps only
 * outside production.
 */
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mintDevToken, devIssuerUrl } from '../../apps/api/src/dev/dev-token.client.js';
import { ROOT, startService } from './service.harness.js';
import type { RunningService } from './service.harness.js';

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

const assets = readdirSync(path.join(ROOT, 'apps/web/dist/assets'));
const js = assets.find((f) => /^index-[\w-]+\.js$/.test(f)) as string;
const map = `${js}.map`;
let dev: RunningService;
let prod: RunningService;

beforeAll(async () => {
  dev = await startService();
  await mintDevToken({ country: 'SE', role: 'officer', sub: 'serving-spec', dataDir: dev.dataDir }); // creates the dev IdP's key
  const issuers = JSON.stringify([{ issuer: devIssuerUrl(dev.dataDir, 'SE'), country: 'SE', algorithms: ['ES256'], jwksFile: path.join(dev.dataDir, 'dev-idp', 'se.jwks.json') }]);
  prod = await startService({ NODE_ENV: 'production', TRUSTED_ISSUERS: issuers });
}, 60_000);
afterAll(async () => {
  await prod?.stop();
  await dev?.stop();
});

describe('serving the dashboard', () => {
  test('hashed assets go out compressed, cached for a year as immutable', async () => {
    const plain = await get(`${prod.url}/assets/${js}`);
    const br = await get(`${prod.url}/assets/${js}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await get(`${prod.url}/assets/${js}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  test('index.html is revalidated on every load, at / and as the SPA fallback', async () => {
    for (const p of ['/', '/cases/0d9f1a2b-0000-4000-8000-000000000000']) {
      const res = await get(`${prod.url}${p}`, { accept: 'text/html', 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  test('source maps are served in development only', async () => {
    expect((await get(`${prod.url}/assets/${map}`)).status).toBe(404);
    expect((await get(`${prod.url}/assets/${map}`, { 'accept-encoding': 'br, gzip' })).status).toBe(404);
    const inDev = await get(`${dev.url}/assets/${map}`);
    expect(inDev.status).toBe(200);
    expect(inDev.headers['cache-control']).toBe('no-cache');
  });
});

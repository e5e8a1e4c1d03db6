import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUDIENCE, makeKey, sign, testClock } from './auth-test.fixtures.js';
import { DiscoveredIssuer, discoveryUrlFor, issuerFromDiscoveryUrl } from './discovery.js';
import { TokenVerifier } from './token-verifier.js';

// Discovery against a real HTTP server whose answers the spec changes: what is checked, what is
// kept when the IdP fails, and how often it is asked.
let origin = '';
let served: Record<string, unknown> | 'down' = 'down';
let hits = 0;
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/realm/.well-known/openid-configuration') hits += 1;
    if (served === 'down' || req.url !== '/realm/.well-known/openid-configuration') res.writeHead(503).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = (clock = testClock(), requireHttps = false) => ({
  now: clock.now, requireHttps, timeoutMs: 2000, maxAgeMs: 60_000, retryAfterMs: 5000, jwksCooldownMs: 0, jwksCacheMaxAgeMs: 60_000,
});

describe('DiscoveredIssuer', () => {
  it('derives the issuer from the discovery URL and back', () => {
    expect(issuerFromDiscoveryUrl('https://kc.example/realms/x/.well-known/openid-configuration')).toBe('https://kc.example/realms/x');
    expect(issuerFromDiscoveryUrl('https://kc.example/metadata.json')).toBeUndefined();
    expect(discoveryUrlFor('https://kc.example/realms/x/')).toBe('https://kc.example/realms/x/.well-known/openid-configuration');
  });

  it('refuses a configuration naming another issuer, or plain-http keys in production', async () => {
    const issuer = `${origin}/realm`;
    served = { issuer: 'https://elsewhere.example', jwks_uri: `${origin}/jwks` };
    await expect(new DiscoveredIssuer(issuer, discoveryUrlFor(issuer), options()).metadata()).rejects.toThrow(/issuer is "https:\/\/elsewhere.example"/);
    served = { issuer, jwks_uri: `${origin}/jwks` };
    await expect(new DiscoveredIssuer(issuer, discoveryUrlFor(issuer), options(testClock(), true)).metadata()).rejects.toThrow(/jwks_uri must use https/);
    await expect(new DiscoveredIssuer(issuer, discoveryUrlFor(issuer), options()).metadata()).resolves.toMatchObject({ issuer, jwks_uri: `${origin}/jwks` });
  });

  it('after a failure waits retryAfterMs before asking again; keeps a fetched configuration while the IdP is down', async () => {
    const issuer = `${origin}/realm`;
    const clock = testClock();
    const d = new DiscoveredIssuer(issuer, discoveryUrlFor(issuer), options(clock));
    served = 'down';
    hits = 0;
    await expect(d.metadata()).rejects.toThrow(/HTTP 503/);
    await expect(d.metadata()).rejects.toThrow(/HTTP 503/);
    expect(hits).toBe(1);
    clock.advance(5000);
    served = { issuer, jwks_uri: `${origin}/jwks` };
    await expect(d.metadata()).resolves.toMatchObject({ issuer });
    expect(hits).toBe(2);
    served = 'down';
    clock.advance(60_000);
    await expect(d.metadata()).resolves.toMatchObject({ issuer });
  });

  it('a token from an issuer whose discovery fails is refused as jwks-unavailable, not as a forgery', async () => {
    const issuer = `${origin}/realm`;
    served = 'down';
    const key = await makeKey('ES256');
    const v = new TokenVerifier([{ issuer, country: 'NO', algorithms: ['ES256'], discoveryUrl: discoveryUrlFor(issuer) }], { audience: AUDIENCE, now: testClock().now });
    await expect(v.verify(await sign(key, issuer, 'NO'))).rejects.toMatchObject({ reason: 'jwks-unavailable' });
  });
});

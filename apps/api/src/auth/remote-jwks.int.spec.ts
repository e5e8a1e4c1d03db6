import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { AUDIENCE, makeKey, sign, testClock } from './auth-test.fixtures.js';
import { TokenVerifier } from './token-verifier.js';

const ISS = 'https://idp.no.example';
let keys: JWK[] = [];
let fetches = 0;
let server: Server;
let jwksUri: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    fetches += 1;
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('JWKS URL issuer', () => {
  it('verifies against keys served over HTTP and picks up a rotated key', async () => {
    const [first, second] = await Promise.all([makeKey('RS256'), makeKey('ES256')]);
    keys = [first.publicJwk];
    const v = new TokenVerifier([{ issuer: ISS, country: 'NO', algorithms: ['RS256', 'ES256'], jwksUri }], {
      audience: AUDIENCE,
      now: testClock().now,
      jwksUriCooldownMs: 0,
    });
    await expect(v.verify(await sign(first, ISS, 'NO'))).resolves.toMatchObject({ country: 'NO' });
    const fetchesBefore = fetches;

    keys = [first.publicJwk, second.publicJwk];
    await expect(v.verify(await sign(second, ISS, 'NO'))).resolves.toMatchObject({ issuer: ISS });
    expect(fetches).toBeGreaterThan(fetchesBefore);

    const stranger = await makeKey('ES256');
    await expect(v.verify(await sign(stranger, ISS, 'NO'))).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it('reports an unreachable JWKS endpoint as jwks-unavailable', async () => {
    const key = await makeKey('ES256');
    const v = new TokenVerifier(
      [{ issuer: ISS, country: 'NO', algorithms: ['ES256'], jwksUri: jwksUri.replace('jwks.json', 'missing') }],
      { audience: AUDIENCE, now: testClock().now },
    );
    await expect(v.verify(await sign(key, ISS, 'NO'))).rejects.toMatchObject({ reason: 'jwks-unavailable' });
  });
});

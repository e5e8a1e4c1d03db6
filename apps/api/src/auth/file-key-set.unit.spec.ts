import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { AuthenticationError } from './auth.errors.js';
import { AUDIENCE, makeKey, sign, testClock } from './auth-test.fixtures.js';
import { TokenVerifier } from './token-verifier.js';

const ISS = 'https://idp.is.example';
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'liaison-jwks-'));
  file = join(dir, 'is.jwks.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const writeJwks = (...keys: JWK[]): Promise<void> => writeFile(file, JSON.stringify({ keys }));

function fileVerifier(clock: ReturnType<typeof testClock>, reloadMs: number): TokenVerifier {
  return new TokenVerifier([{ issuer: ISS, country: 'IS', algorithms: ['ES256', 'EdDSA'], jwksFile: file }], {
    audience: AUDIENCE,
    now: clock.now,
    jwksFileReloadIntervalMs: reloadMs,
  });
}

describe('JWKS file issuer', () => {
  it('picks up a key added to the file without recreating the verifier', async () => {
    const [oldKey, newKey] = await Promise.all([makeKey('ES256'), makeKey('EdDSA')]);
    await writeJwks(oldKey.publicJwk);
    const clock = testClock();
    const v = fileVerifier(clock, 1000);
    await expect(v.verify(await sign(oldKey, ISS, 'IS'))).resolves.toMatchObject({ country: 'IS' });

    await writeJwks(oldKey.publicJwk, newKey.publicJwk);
    clock.advance(1000);
    await expect(v.verify(await sign(newKey, ISS, 'IS'))).resolves.toMatchObject({ issuer: ISS });
  });

  it('rate-limits re-reads triggered by unknown kids', async () => {
    const [oldKey, newKey] = await Promise.all([makeKey('ES256'), makeKey('ES256')]);
    await writeJwks(oldKey.publicJwk);
    const clock = testClock();
    const v = fileVerifier(clock, 60_000);
    await v.verify(await sign(oldKey, ISS, 'IS'));
    await writeJwks(oldKey.publicJwk, newKey.publicJwk);
    const rotated = await sign(newKey, ISS, 'IS', { claims: { sub: 'rotated' } });
    await expect(v.verify(rotated)).rejects.toMatchObject({ reason: 'unknown-key' });
    clock.advance(60_000);
    await expect(v.verify(rotated)).resolves.toMatchObject({ subject: 'rotated' });
  });

  it('drops a removed key once the file changes', async () => {
    const [a, b] = await Promise.all([makeKey('ES256'), makeKey('ES256')]);
    await writeJwks(a.publicJwk, b.publicJwk);
    const clock = testClock();
    const v = fileVerifier(clock, 0);
    await v.verify(await sign(a, ISS, 'IS', { claims: { sub: 'one' } }));
    await writeJwks(b.publicJwk);
    clock.advance(1);
    await expect(v.verify(await sign(a, ISS, 'IS', { claims: { sub: 'two' } }))).rejects.toMatchObject({
      reason: 'unknown-key',
    });
  });

  it('keeps the last good keys when the file becomes unreadable, and reports a missing file', async () => {
    const key = await makeKey('ES256');
    await writeJwks(key.publicJwk);
    const clock = testClock();
    const v = fileVerifier(clock, 0);
    await v.verify(await sign(key, ISS, 'IS', { claims: { sub: 'one' } }));
    await writeFile(file, '{ not json');
    clock.advance(1);
    await expect(v.verify(await sign(key, ISS, 'IS', { claims: { sub: 'two' } }))).resolves.toBeDefined();

    await rm(file);
    const fresh = fileVerifier(clock, 0);
    const err = await fresh.verify(await sign(key, ISS, 'IS')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).reason).toBe('jwks-unavailable');
  });
});

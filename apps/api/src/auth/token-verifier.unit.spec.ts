import { beforeAll, describe, expect, it } from '@jest/globals';
import { createPublicKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { AuthConfigError, AuthenticationError, type AuthFailureReason } from './auth.errors.js';
import type { TrustedIssuer } from './auth.types.js';
import { AUDIENCE, b64url, decodePart, makeKey, sign, testClock, type TestKey } from './auth-test.fixtures.js';
import { TokenVerifier } from './token-verifier.js';

const SE = 'https://idp.se.example';
const DK = 'https://idp.dk.example';
const NO = 'https://idp.no.example';
const FI = 'https://idp.fi.example';

let se: TestKey;
let dk: TestKey;
let no: TestKey;
let fiEd: TestKey;
let fiRsa: TestKey;
let issuers: TrustedIssuer[];

beforeAll(async () => {
  [se, dk, no, fiEd, fiRsa] = await Promise.all([
    makeKey('ES256'),
    makeKey('EdDSA'),
    makeKey('RS256'),
    makeKey('EdDSA'),
    makeKey('RS256'),
  ]);
  issuers = [
    { issuer: SE, country: 'SE', algorithms: ['ES256'], jwks: { keys: [se.publicJwk] } },
    { issuer: DK, country: 'DK', algorithms: ['EdDSA'], jwks: { keys: [dk.publicJwk] } },
    { issuer: NO, country: 'NO', algorithms: ['RS256'], jwks: { keys: [no.publicJwk] } },
    // FI publishes an RSA key but only EdDSA is pinned: the RSA key must never be usable.
    { issuer: FI, country: 'FI', algorithms: ['EdDSA'], jwks: { keys: [fiEd.publicJwk, fiRsa.publicJwk] } },
  ];
});

function verifier(clock = testClock(), extra: Partial<ConstructorParameters<typeof TokenVerifier>[1]> = {}): TokenVerifier {
  return new TokenVerifier(issuers, { audience: AUDIENCE, now: clock.now, ...extra });
}

async function expectRejected(token: string, reason: AuthFailureReason, v = verifier()): Promise<void> {
  const err = await v.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthenticationError);
  expect((err as AuthenticationError).reason).toBe(reason);
}

describe('TokenVerifier: valid tokens', () => {
  it.each([
    ['ES256', () => se, SE, 'SE'],
    ['EdDSA', () => dk, DK, 'DK'],
    ['RS256', () => no, NO, 'NO'],
    ['EdDSA (FI)', () => fiEd, FI, 'FI'],
  ])('accepts %s from its issuer', async (_alg, key, iss, country) => {
    const principal = await verifier().verify(await sign(key(), iss, country, { claims: { name: 'Anna' } }));
    expect(principal).toEqual({
      subject: `${country.toLowerCase()}-officer-1`,
      country,
      issuer: iss,
      scopes: new Set(['cases:read', 'cases:write']),
      expiresAt: (decodePart(await sign(key(), iss, country), 1).exp as number) * 1000,
      name: 'Anna',
    });
  });

  it('tolerates 30 s of clock skew on exp and nbf', async () => {
    const clock = testClock();
    const v = verifier(clock);
    const token = await sign(se, SE, 'SE', { ttlSec: 60 });
    clock.advance(89_000);
    await expect(v.verify(token)).resolves.toMatchObject({ subject: 'se-officer-1' });
    const early = await sign(se, SE, 'SE', { claims: { nbf: clock.now() / 1000 + 25, sub: 'early' } });
    await expect(v.verify(early)).resolves.toMatchObject({ subject: 'early' });
  });
});

describe('TokenVerifier: RFC 8725 attacks are rejected', () => {
  it('alg none (unsigned token), with and without a signature part', async () => {
    const header = b64url({ alg: 'none', typ: 'JWT' });
    const payload = decodePart(await sign(se, SE, 'SE'), 1);
    await expectRejected(`${header}.${b64url(payload)}.`, 'algorithm-not-allowed');
    await expectRejected(`${header}.${b64url(payload)}.c2ln`, 'algorithm-not-allowed');
  });

  it('HS256 signed with the issuer public key as the HMAC secret', async () => {
    const pem = createPublicKey({ key: no.publicJwk as unknown as import('node:crypto').JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' });
    for (const secret of [Buffer.from(pem), Buffer.from(JSON.stringify(no.publicJwk))]) {
      const token = await new SignJWT({ country: 'NO', sub: 'x', aud: AUDIENCE, exp: 9_999_999_999 })
        .setProtectedHeader({ alg: 'HS256', kid: no.kid })
        .setIssuer(NO)
        .sign(new Uint8Array(secret));
      await expectRejected(token, 'algorithm-not-allowed');
    }
  });

  it('an issuer that is not trusted, even when signed by a trusted key', async () => {
    await expectRejected(await sign(se, 'https://idp.evil.example', 'SE'), 'untrusted-issuer');
    await expectRejected(await sign(se, SE, 'SE', { claims: { iss: undefined } }), 'untrusted-issuer');
  });

  it("a trusted iss signed with another issuer's key", async () => {
    const otherEs = await makeKey('ES256');
    await expectRejected(await sign(otherEs, SE, 'SE'), 'unknown-key');
    // Same kid as SE's key (collision or copy): the signature still has to verify.
    await expectRejected(await sign({ ...otherEs, kid: se.kid }, SE, 'SE'), 'bad-signature');
  });

  it('an embedded jwk header is ignored, not trusted', async () => {
    const attacker = await makeKey('ES256', se.kid);
    await expectRejected(await sign(attacker, SE, 'SE', { header: { jwk: attacker.publicJwk } }), 'bad-signature');
  });

  it('wrong audience', async () => {
    await expectRejected(await sign(se, SE, 'SE', { claims: { aud: 'other-service' } }), 'wrong-audience');
  });

  it('expired beyond the skew', async () => {
    await expectRejected(await sign(se, SE, 'SE', { iat: 1_000_000, ttlSec: 60 }), 'expired');
  });

  it('not yet valid beyond the skew', async () => {
    const token = await sign(se, SE, 'SE', { claims: { nbf: testClock().now() / 1000 + 60 } });
    await expectRejected(token, 'not-yet-valid');
  });

  it('unknown kid', async () => {
    await expectRejected(await sign({ ...se, kid: 'not-a-known-kid' }, SE, 'SE'), 'unknown-key');
  });

  it('tampered payload with the original signature', async () => {
    const token = await sign(se, SE, 'SE');
    const [h, , s] = token.split('.');
    for (const change of [{ scope: 'cases:read cases:write audit:read' }, { sub: 'se-officer-2' }, { country: 'DK' }]) {
      const forged = { ...decodePart(token, 1), ...change };
      await expectRejected(`${h}.${b64url(forged)}.${s}`, 'bad-signature');
    }
  });

  it('a Swedish IdP minting a Danish officer', async () => {
    await expectRejected(await sign(se, SE, 'DK'), 'country-mismatch');
    await expectRejected(await sign(se, SE, 'se'), 'country-mismatch');
    await expectRejected(await sign(se, SE, 'SE', { omit: ['country'] }), 'missing-claim');
  });

  it('an algorithm outside the issuer allow-list even though its key is in the set', async () => {
    await expectRejected(await sign(fiRsa, FI, 'FI'), 'algorithm-not-allowed');
  });

  it('missing sub or exp', async () => {
    await expectRejected(await sign(se, SE, 'SE', { omit: ['sub'] }), 'missing-claim');
    await expectRejected(await sign(se, SE, 'SE', { omit: ['exp'] }), 'missing-claim');
  });

  it('malformed input', async () => {
    for (const token of ['', 'abc', 'a.b.c', 'a.b.c.d.e', `${b64url({ alg: 'ES256' })}.${'x'.repeat(9000)}.sig`]) {
      await expectRejected(token, 'malformed');
    }
  });
});

describe('TokenVerifier: cache', () => {
  it('serves repeat verifications from the cache', async () => {
    const v = verifier();
    const token = await sign(se, SE, 'SE');
    expect(await v.verify(token)).toBe(await v.verify(token));
  });

  it('rejects a cached token once it expires', async () => {
    const clock = testClock();
    const v = verifier(clock);
    const token = await sign(se, SE, 'SE', { ttlSec: 120 });
    await v.verify(token);
    clock.advance(120_000 + 29_000);
    await expect(v.verify(token)).resolves.toBeDefined();
    clock.advance(1_000);
    await expectRejected(token, 'expired', v);
  });

  it('re-verifies entries older than cacheMaxAgeMs', async () => {
    const clock = testClock();
    const v = verifier(clock, { cacheMaxAgeMs: 1000 });
    const token = await sign(se, SE, 'SE');
    const first = await v.verify(token);
    clock.advance(1001);
    expect(await v.verify(token)).not.toBe(first);
  });
});

describe('TokenVerifier: configuration', () => {
  it('refuses symmetric or unknown algorithms and duplicate issuers', () => {
    const base = { issuer: SE, country: 'SE', jwks: { keys: [] } };
    const bad = [
      [{ ...base, algorithms: ['HS256'] }],
      [{ ...base, algorithms: ['none'] }],
      [{ ...base, algorithms: [] }],
      [{ ...base, algorithms: ['ES256'] }, { ...base, algorithms: ['ES256'] }],
      [{ issuer: SE, country: 'SE', algorithms: ['ES256'] }],
    ] as unknown as TrustedIssuer[][];
    for (const list of bad) expect(() => new TokenVerifier(list, { audience: AUDIENCE })).toThrow(AuthConfigError);
  });
});

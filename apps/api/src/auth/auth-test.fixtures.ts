import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { SupportedAlgorithm } from './auth.types.js';

/** Test-only helpers: real keys and tokens, so specs exercise actual jose verification. */
export interface TestKey {
  alg: SupportedAlgorithm;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeKey(alg: SupportedAlgorithm, kid?: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const keyId = kid ?? (await calculateJwkThumbprint(jwk));
  return { alg, kid: keyId, privateKey, publicJwk: { ...jwk, kid: keyId, alg, use: 'sig' } };
}

export const T0 = Date.UTC(2030, 0, 1, 8, 0, 0);
export const AUDIENCE = 'liaison';

export interface SignOptions {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  /** Epoch seconds; defaults to T0. */
  iat?: number;
  ttlSec?: number;
  omit?: ReadonlyArray<'sub' | 'exp' | 'country'>;
}

export async function sign(key: TestKey, iss: string, country: string, opts: SignOptions = {}): Promise<string> {
  const iat = opts.iat ?? T0 / 1000;
  const omit = new Set(opts.omit ?? []);
  const payload: JWTPayload = {
    iss,
    aud: AUDIENCE,
    iat,
    nbf: iat,
    ...(omit.has('exp') ? {} : { exp: iat + (opts.ttlSec ?? 3600) }),
    ...(omit.has('sub') ? {} : { sub: `${country.toLowerCase()}-officer-1` }),
    ...(omit.has('country') ? {} : { country }),
    scope: 'cases:read cases:write',
    ...opts.claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...opts.header })
    .sign(key.privateKey);
}

export function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A mutable clock in epoch ms. */
export function testClock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

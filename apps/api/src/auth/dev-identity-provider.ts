import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { TrustedIssuer } from './auth.types.js';
import { ROLE_SCOPES, type Role } from './scopes.js';

/**
 * Local stand-in for the five national IdPs so the service and CLI work without
 * external infrastructure. Never used in production (see issuers.config.ts).
 */
export const DEV_COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'IS'] as const;
export type DevCountry = (typeof DEV_COUNTRIES)[number];

const ALG = 'ES256';

export function isDevCountry(value: string): value is DevCountry {
  return (DEV_COUNTRIES as readonly string[]).includes(value);
}

export function devIssuerUrl(country: DevCountry): string {
  return `https://idp.${country.toLowerCase()}.dev.liaison.invalid`;
}

export function devIdpDir(dataDir: string): string {
  return join(dataDir, 'dev-idp');
}

function keyPaths(dataDir: string, country: DevCountry): { privateKey: string; jwks: string } {
  const base = join(devIdpDir(dataDir), country.toLowerCase());
  return { privateKey: `${base}.private.jwk.json`, jwks: `${base}.jwks.json` };
}

// Duck-typed: `instanceof Error` fails for fs errors crossing VM realms (e.g. under Jest).
function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

async function readPrivateJwk(path: string): Promise<JWK | undefined> {
  try {
    const jwk = JSON.parse(await readFile(path, 'utf8')) as JWK;
    // Heal permissions loosened by copies/backups; the file is a signing secret.
    if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
    return jwk;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

async function createPrivateJwk(path: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(toPublicJwk(jwk));
  const full: JWK = { ...jwk, kid, alg: ALG, use: 'sig' };
  try {
    // 'wx' makes a concurrent start (server + CLI) keep whichever key was written first.
    await writeFile(path, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return full;
  } catch (err) {
    if (!isErrno(err, 'EEXIST')) throw err;
    return (await readPrivateJwk(path)) as JWK;
  }
}

function toPublicJwk(jwk: JWK): JWK {
  const { kty, crv, x, y, kid, alg, use } = jwk;
  return Object.fromEntries(Object.entries({ kty, crv, x, y, kid, alg, use }).filter(([, v]) => v !== undefined));
}

async function writeJwksIfChanged(path: string, publicJwk: JWK): Promise<void> {
  const content = `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`;
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) return;
  // Rename is atomic, so a verifier re-reading the file never sees half a JSON document.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: 0o644 });
  await rename(tmp, path);
}

async function loadOrCreateKey(dataDir: string, country: DevCountry): Promise<JWK> {
  const paths = keyPaths(dataDir, country);
  const jwk = (await readPrivateJwk(paths.privateKey)) ?? (await createPrivateJwk(paths.privateKey));
  await writeJwksIfChanged(paths.jwks, toPublicJwk(jwk));
  return jwk;
}

/** Creates (first run) or reuses the dev keys and returns the issuers to trust. */
export async function ensureDevIdentityProviders(dataDir: string): Promise<TrustedIssuer[]> {
  await mkdir(devIdpDir(dataDir), { recursive: true, mode: 0o700 });
  const issuers: TrustedIssuer[] = [];
  for (const country of DEV_COUNTRIES) {
    await loadOrCreateKey(dataDir, country);
    issuers.push({
      issuer: devIssuerUrl(country),
      country,
      algorithms: [ALG],
      jwksFile: keyPaths(dataDir, country).jwks,
    });
  }
  return issuers;
}

/** Accepts seconds or `<n>s|m|h|d`, e.g. `8h`. */
export function parseTtl(ttl: string | number): number {
  if (typeof ttl === 'number') {
    if (Number.isInteger(ttl) && ttl > 0) return ttl;
  } else {
    const match = /^(\d+)([smhd]?)$/.exec(ttl.trim());
    const seconds = match === null ? 0 : Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
    if (seconds > 0) return seconds;
  }
  throw new RangeError(`invalid ttl: ${String(ttl)} (use seconds or e.g. 30m, 8h)`);
}

export interface MintDevTokenInput {
  country: DevCountry;
  role: Role;
  sub: string;
  /** Default 8h. */
  ttl?: string | number;
  name?: string;
  audience?: string;
  dataDir?: string;
  now?: () => number;
}

export async function mintDevToken(input: MintDevTokenInput): Promise<string> {
  const dataDir = input.dataDir ?? './data';
  await mkdir(devIdpDir(dataDir), { recursive: true, mode: 0o700 });
  const jwk = await loadOrCreateKey(dataDir, input.country);
  const key = await importJWK(jwk, ALG);
  const iat = Math.floor((input.now ?? Date.now)() / 1000);
  return new SignJWT({
    country: input.country,
    scope: ROLE_SCOPES[input.role].join(' '),
    ...(input.name !== undefined ? { name: input.name } : {}),
  })
    .setProtectedHeader({ alg: ALG, kid: jwk.kid, typ: 'JWT' })
    .setIssuer(devIssuerUrl(input.country))
    .setSubject(input.sub)
    .setAudience(input.audience ?? 'liaison')
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + parseTtl(input.ttl ?? '8h'))
    .sign(key);
}

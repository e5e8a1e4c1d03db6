import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { DevCountry } from './dev-idp.accounts.js';

/**
 * The development IdPs' secrets, kept under DATA_DIR/dev-idp so tokens and sign-ins survive a
 * restart: per country a private JWKS (ES256, 0600) and its public half (for anyone who wants to pin
 * the keys as a static issuer), and one cookie-signing secret. Development only.
 */
export const DEV_ALG = 'ES256';

export function devIdpDir(dataDir: string): string {
  return join(dataDir, 'dev-idp');
}

// Duck-typed: `instanceof Error` fails for fs errors crossing VM realms (e.g. under Jest).
function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

async function readSecret(path: string): Promise<string | undefined> {
  try {
    const text = await readFile(path, 'utf8');
    // Heal permissions loosened by copies/backups; the file is a signing secret.
    if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
    return text;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

/** Writes once: 'wx' makes a concurrent start keep whichever secret was written first. */
async function writeSecretOnce(path: string, content: string): Promise<string> {
  try {
    await writeFile(path, content, { mode: 0o600, flag: 'wx' });
    return content;
  } catch (err) {
    if (!isErrno(err, 'EEXIST')) throw err;
    return (await readSecret(path)) as string;
  }
}

export function publicJwk(jwk: JWK): JWK {
  const { kty, crv, x, y, kid, alg, use } = jwk;
  return Object.fromEntries(Object.entries({ kty, crv, x, y, kid, alg, use }).filter(([, v]) => v !== undefined)) as JWK;
}

export async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(DEV_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk(jwk));
  return { ...jwk, kid, alg: DEV_ALG, use: 'sig' };
}

async function writePublicIfChanged(path: string, keys: JWK[]): Promise<void> {
  const content = `${JSON.stringify({ keys: keys.map(publicJwk) }, null, 2)}\n`;
  if ((await readFile(path, 'utf8').catch(() => undefined)) === content) return;
  // Rename is atomic, so a verifier re-reading the file never sees half a JSON document.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: 0o644 });
  await rename(tmp, path);
}

/** The country's signing keys (first signs), created on first use. */
export async function loadDevSigningKeys(dataDir: string, country: DevCountry): Promise<JWK[]> {
  const dir = devIdpDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const base = join(dir, country.toLowerCase());
  const existing = await readSecret(`${base}.private.jwks.json`);
  const keys = existing !== undefined
    ? (JSON.parse(existing) as { keys: JWK[] }).keys
    : (JSON.parse(await writeSecretOnce(`${base}.private.jwks.json`, `${JSON.stringify({ keys: [await newSigningKey()] }, null, 2)}\n`)) as { keys: JWK[] }).keys;
  await writePublicIfChanged(`${base}.jwks.json`, keys);
  return keys;
}

export async function loadDevCookieSecret(dataDir: string): Promise<string> {
  const dir = devIdpDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'cookie-secret');
  return (await readSecret(path)) ?? writeSecretOnce(path, randomBytes(32).toString('base64url'));
}

/** Where the running service's development IdPs are (written at listen), for `npm run token` and specs. */
export function devIdpBaseUrlFile(dataDir: string): string {
  return join(devIdpDir(dataDir), 'base-url');
}

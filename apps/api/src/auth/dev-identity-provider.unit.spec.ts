import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runTokenCli } from '../cli/token.cli.js';
import { decodePart } from './auth-test.fixtures.js';
import { ensureDevIdentityProviders, mintDevToken, parseTtl } from './dev-identity-provider.js';
import { ROLE_SCOPES } from './scopes.js';
import { TokenVerifier } from './token-verifier.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'liaison-devidp-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function devVerifier(now?: () => number): Promise<TokenVerifier> {
  return new TokenVerifier(await ensureDevIdentityProviders(dir), { audience: 'liaison', ...(now ? { now } : {}) });
}

describe('token CLI', () => {
  it('prints a token for the dev issuer that verifies', async () => {
    const token = await runTokenCli(['--country', 'SE', '--role', 'officer', '--sub', 'se-officer-1'], { DATA_DIR: dir });
    expect(decodePart(token, 0)).toEqual({ alg: 'ES256', kid: expect.any(String), typ: 'JWT' });
    const claims = decodePart(token, 1);
    expect(claims).toMatchObject({ iss: 'https://idp.se.dev.liaison.invalid', aud: 'liaison', country: 'SE', sub: 'se-officer-1' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(8 * 3600);
    expect(claims.nbf).toBe(claims.iat);

    const principal = await (await devVerifier()).verify(token);
    expect(principal).toMatchObject({ subject: 'se-officer-1', country: 'SE', issuer: 'https://idp.se.dev.liaison.invalid' });
    expect([...principal.scopes]).toEqual(['cases:read', 'cases:write', 'cases:share', 'dashboards:read']);
  });

  it('honours --ttl, --name and JWT_AUDIENCE', async () => {
    const token = await runTokenCli(['--country', 'dk', '--role', 'supervisor', '--sub', 'dk-sup', '--ttl', '15m', '--name', 'Mette'], {
      DATA_DIR: dir,
      JWT_AUDIENCE: 'liaison-staging',
    });
    const claims = decodePart(token, 1);
    expect(claims).toMatchObject({ aud: 'liaison-staging', country: 'DK', name: 'Mette', scope: ROLE_SCOPES.supervisor.join(' ') });
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
  });

  it.each([
    [['--role', 'officer', '--sub', 'x'], /--country/],
    [['--country', 'DE', '--role', 'officer', '--sub', 'x'], /--country/],
    [['--country', 'SE', '--role', 'admin', '--sub', 'x'], /--role/],
    [['--country', 'SE', '--role', 'officer'], /--sub/],
    [['--country', 'SE', '--role', 'officer', '--sub', 'x', '--ttl', 'forever'], /ttl/],
    [['--country', 'SE', '--role', 'officer', '--sub', 'x', '--bogus'], /bogus/],
  ])('rejects bad arguments %j', async (argv, message) => {
    await expect(runTokenCli(argv, { DATA_DIR: dir })).rejects.toThrow(message);
  });

  it('refuses to mint in production', async () => {
    await expect(runTokenCli(['--country', 'SE', '--role', 'officer', '--sub', 'x'], { NODE_ENV: 'production', DATA_DIR: dir })).rejects.toThrow(
      /production/,
    );
  });

  it('works as a subprocess via tsx', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'apps/api/src/cli/token.cli.ts', '--country', 'IS', '--role', 'analyst', '--sub', 'is-analyst-1'],
      { env: { ...process.env, DATA_DIR: dir, NODE_OPTIONS: '' }, timeout: 20_000 },
    );
    const principal = await (await devVerifier()).verify(stdout.trim());
    expect(principal).toMatchObject({ country: 'IS', subject: 'is-analyst-1' });
    expect([...principal.scopes]).toEqual(ROLE_SCOPES.analyst);
  });
});

describe('dev identity provider', () => {
  it('mints with the injected clock and is trusted only for its own country', async () => {
    const now = () => Date.UTC(2030, 0, 1);
    const token = await mintDevToken({ country: 'NO', role: 'analyst', sub: 'no-1', ttl: 60, dataDir: dir, now });
    expect(decodePart(token, 1).iat).toBe(now() / 1000);
    const v = await devVerifier(now);
    await expect(v.verify(token)).resolves.toMatchObject({ country: 'NO' });
    // Later than exp + skew → rejected.
    const late = await devVerifier(() => now() + 91_000);
    await expect(late.verify(token)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('parses ttl values', () => {
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('90')).toBe(90);
    expect(parseTtl('2d')).toBe(172_800);
    expect(() => parseTtl('0')).toThrow(RangeError);
    expect(() => parseTtl(-5)).toThrow(RangeError);
  });
});

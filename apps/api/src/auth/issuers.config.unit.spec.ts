import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthConfigError } from './auth.errors.js';
import { DEV_COUNTRIES, devIssuerUrl } from './dev-identity-provider.js';
import { loadAuthConfig } from './issuers.config.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'liaison-issuers-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const se = { issuer: 'https://idp.se.example', country: 'SE', jwksUri: 'https://idp.se.example/jwks', algorithms: ['ES256'] };

describe('loadAuthConfig', () => {
  it('refuses to start in production without trusted issuers, and creates no dev keys', async () => {
    const result = loadAuthConfig({ NODE_ENV: 'production', DATA_DIR: dir });
    await expect(result).rejects.toThrow(AuthConfigError);
    await expect(result).rejects.toThrow(/TRUSTED_ISSUERS.*production/s);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads TRUSTED_ISSUERS and the audience', async () => {
    const config = await loadAuthConfig({ NODE_ENV: 'production', TRUSTED_ISSUERS: JSON.stringify([se]), JWT_AUDIENCE: 'liaison-test' });
    expect(config).toEqual({ audience: 'liaison-test', mode: 'configured', issuers: [se] });
  });

  it('reads TRUSTED_ISSUERS_FILE, resolving jwksFile relative to it', async () => {
    const file = join(dir, 'issuers.json');
    await writeFile(file, JSON.stringify([{ issuer: 'https://idp.fi.example', country: 'FI', jwksFile: 'keys/fi.json', algorithms: ['EdDSA', 'RS256'] }]));
    const config = await loadAuthConfig({ TRUSTED_ISSUERS_FILE: file });
    expect(config.audience).toBe('liaison');
    expect(config.issuers).toEqual([{ issuer: 'https://idp.fi.example', country: 'FI', jwksFile: join(dir, 'keys/fi.json'), algorithms: ['EdDSA', 'RS256'] }]);
  });

  it.each([
    ['empty list', []],
    ['HS256', [{ ...se, algorithms: ['HS256'] }]],
    ['no algorithms', [{ ...se, algorithms: [] }]],
    ['lower-case country', [{ ...se, country: 'se' }]],
    ['no key source', [{ ...se, jwksUri: undefined }]],
    ['two key sources', [{ ...se, jwksFile: '/tmp/x.json' }]],
    ['duplicate issuer', [se, se]],
  ])('rejects invalid config: %s', async (_name, issuers) => {
    await expect(loadAuthConfig({ TRUSTED_ISSUERS: JSON.stringify(issuers) })).rejects.toThrow(AuthConfigError);
  });

  it('rejects ambiguous or broken sources and plain-http JWKS in production', async () => {
    await expect(loadAuthConfig({ TRUSTED_ISSUERS: '[', DATA_DIR: dir })).rejects.toThrow(AuthConfigError);
    await expect(loadAuthConfig({ TRUSTED_ISSUERS: JSON.stringify([se]), TRUSTED_ISSUERS_FILE: '/x' })).rejects.toThrow(AuthConfigError);
    await expect(loadAuthConfig({ TRUSTED_ISSUERS_FILE: join(dir, 'missing.json') })).rejects.toThrow(AuthConfigError);
    const http = JSON.stringify([{ ...se, jwksUri: 'http://idp.se.example/jwks' }]);
    await expect(loadAuthConfig({ NODE_ENV: 'production', TRUSTED_ISSUERS: http })).rejects.toThrow(/https/);
  });

  it('development mode creates keys for the five Nordic IdPs and reuses them', async () => {
    const first = await loadAuthConfig({ DATA_DIR: dir });
    expect(first.mode).toBe('development');
    expect(first.issuers.map((i) => [i.issuer, i.country, i.algorithms])).toEqual(
      DEV_COUNTRIES.map((c) => [devIssuerUrl(c), c, ['ES256']]),
    );
    expect(first.issuers[0]?.issuer).toBe('https://idp.se.dev.liaison.invalid');
    const devDir = join(dir, 'dev-idp');
    expect((await readdir(devDir)).sort()).toEqual(
      DEV_COUNTRIES.flatMap((c) => [`${c.toLowerCase()}.jwks.json`, `${c.toLowerCase()}.private.jwk.json`]).sort(),
    );
    const before = await readFile(join(devDir, 'se.private.jwk.json'), 'utf8');
    expect((await stat(join(devDir, 'se.private.jwk.json'))).mode & 0o777).toBe(0o600);
    const publicSet = JSON.parse(await readFile(join(devDir, 'se.jwks.json'), 'utf8')) as { keys: Array<Record<string, unknown>> };
    expect(publicSet.keys).toHaveLength(1);
    expect(publicSet.keys[0]).not.toHaveProperty('d');

    const second = await loadAuthConfig({ DATA_DIR: dir });
    expect(second.issuers).toEqual(first.issuers);
    expect(await readFile(join(devDir, 'se.private.jwk.json'), 'utf8')).toBe(before);
  });
});

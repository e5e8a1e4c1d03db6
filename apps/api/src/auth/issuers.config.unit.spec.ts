import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthConfigError } from './auth.errors.js';
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

  it('development mode trusts no configured issuer and writes nothing (the dev IdPs join when the service listens)', async () => {
    expect(await loadAuthConfig({ DATA_DIR: dir })).toEqual({ audience: 'liaison', mode: 'development', issuers: [] });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads issuers configured by discovery, with claims mapping and a dashboard client', async () => {
    const entra = {
      discoveryUrl: 'https://login.microsoftonline.example/tid/v2.0/.well-known/openid-configuration',
      country: 'DK', algorithms: ['RS256'], audience: 'api://liaison', name: 'Danish Police',
      dashboard: { clientId: 'spa-client', scope: 'openid profile api://liaison/Cases.Read' },
      claims: { subject: 'oid', country: 'issuer', roles: { claims: ['roles'], values: { 'Liaison.Officer': 'officer' } } },
    };
    const config = await loadAuthConfig({ NODE_ENV: 'production', TRUSTED_ISSUERS: JSON.stringify([entra]) });
    expect(config.issuers).toEqual([{ ...entra, issuer: 'https://login.microsoftonline.example/tid/v2.0' }]);
  });

  it.each([
    ['plain-http discovery in production', { discoveryUrl: 'http://kc.example/realms/x/.well-known/openid-configuration' }],
    ['discovery and jwksUri', { discoveryUrl: 'https://kc.example/realms/x/.well-known/openid-configuration', jwksUri: 'https://kc.example/jwks' }],
    ['an unknown Liaison role', { discoveryUrl: 'https://kc.example/realms/x/.well-known/openid-configuration', claims: { roles: { claims: ['groups'], values: { admins: 'admin' } } } }],
    ['an unknown Liaison scope', { discoveryUrl: 'https://kc.example/realms/x/.well-known/openid-configuration', claims: { scopes: { claims: ['scp'], values: { All: 'everything' } } } }],
    ['a misspelt mapping key', { discoveryUrl: 'https://kc.example/realms/x/.well-known/openid-configuration', claims: { role: {} } }],
    ['dashboard sign-in without discovery', { jwksUri: 'https://kc.example/jwks', issuer: 'https://kc.example', dashboard: { clientId: 'x' } }],
  ])('rejects %s', async (_name, entry) => {
    const issuers = JSON.stringify([{ country: 'SE', algorithms: ['RS256'], ...entry }]);
    await expect(loadAuthConfig({ NODE_ENV: 'production', TRUSTED_ISSUERS: issuers })).rejects.toThrow(AuthConfigError);
  });
});

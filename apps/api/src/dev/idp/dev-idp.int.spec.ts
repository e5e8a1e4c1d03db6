import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SqliteEventStore } from '@liaison/event-store';
import { createApp } from '../../app.factory.js';
import type { AppConfig } from '../../config/app.config.js';
import type { AuthEnv } from '../../auth/index.js';
import { runTokenCli, TokenCliUsageError } from '../../cli/token.cli.js';
import { devIssuerUrl } from '../dev-token.client.js';

interface Running { app: NestFastifyApplication; base: string; port: number; close: () => Promise<void> }

async function start(dataDir: string, authEnv: AuthEnv = {}, production = false, port = 0): Promise<Running> {
  const config: AppConfig = { port, host: '127.0.0.1', dataDir, eventStore: 'sqlite', production, bodyLimit: 65536, logLevel: 'error' };
  const store = SqliteEventStore.open(path.join(dataDir, 'events.db'));
  const { app, devIdpsReady } = await createApp(config, store, { authEnv });
  await app.listen({ port, host: '127.0.0.1' });
  await devIdpsReady?.();
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return {
    app, port: address.port, base: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

const me = async (base: string, token: string) => {
  const res = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { subject: string; country: string; scopes: string[]; issuer: string } };
};

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-dev-idp-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('development IdPs inside the service', () => {
  test('one OpenID Provider per country by discovery; npm run token gets its tokens from the provider; the API verifies them', async () => {
    const s = await start(dataDir);
    try {
      const issuer = devIssuerUrl(dataDir, 'DK');
      expect(issuer).toBe(`${s.base}/dev/idp/dk`);
      const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(discovery).toMatchObject({ issuer, jwks_uri: `${issuer}/jwks`, code_challenge_methods_supported: ['S256'], end_session_endpoint: `${issuer}/session/end` });

      const token = await runTokenCli(['--country', 'DK', '--role', 'supervisor', '--sub', 'dk-supervisor-1'], { DATA_DIR: dataDir });
      const answer = await me(s.base, token);
      expect(answer).toMatchObject({ status: 200, body: { subject: 'dk-supervisor-1', country: 'DK', issuer } });
      expect(answer.body.scopes).toEqual(expect.arrayContaining(['cases:read', 'dashboards:read', 'audit:read']));
      expect(answer.body.scopes).not.toContain('cases:write');
      await expect(runTokenCli(['--country', 'SE', '--role', 'admin', '--sub', 'x'], { DATA_DIR: dataDir })).rejects.toThrow(TokenCliUsageError);
      await expect(runTokenCli(['--country', 'SE', '--role', 'officer', '--sub', 'x'], { DATA_DIR: dataDir, NODE_ENV: 'production' })).rejects.toThrow(/production/);

      const config = (await (await fetch(`${s.base}/api/v1/client-config`)).json()) as { authMode: string; issuers: { id: string; authority: string; development: boolean; metadata?: unknown }[] };
      expect(config.authMode).toBe('development');
      expect(config.issuers.map((i) => i.id)).toEqual(['se', 'dk', 'no', 'fi', 'is']);
      expect(config.issuers.every((i) => i.development && i.metadata !== undefined)).toBe(true);

      const privateSet = path.join(dataDir, 'dev-idp', 'dk.private.jwks.json');
      expect((await stat(privateSet)).mode & 0o777).toBe(0o600);
      const published = JSON.parse(await readFile(path.join(dataDir, 'dev-idp', 'dk.jwks.json'), 'utf8')) as { keys: Record<string, unknown>[] };
      expect(published.keys[0]).not.toHaveProperty('d');
    } finally {
      await s.close();
    }
  });

  test('its signing keys live in DATA_DIR: a token issued before a restart still verifies after it, on the same port or another', async () => {
    const first = await start(dataDir);
    const token = await runTokenCli(['--country', 'SE', '--role', 'officer', '--sub', 'se-officer-1'], { DATA_DIR: dataDir });
    const keys = await readFile(path.join(dataDir, 'dev-idp', 'se.private.jwks.json'), 'utf8');
    await first.close();
    const second = await start(dataDir, {}, false, first.port);
    try {
      expect(await readFile(path.join(dataDir, 'dev-idp', 'se.private.jwks.json'), 'utf8')).toBe(keys);
      expect((await me(second.base, token)).status).toBe(200);
    } finally {
      await second.close();
    }
    // On another port the issuers have other names; the earlier ones' tokens are still this DATA_DIR's keys.
    const third = await start(dataDir);
    try {
      expect(third.port).not.toBe(first.port);
      expect((await me(third.base, token)).status).toBe(200);
      const forged = `${token.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
      expect((await me(third.base, forged)).status).toBe(401);
    } finally {
      await third.close();
    }
  });

  test('configured issuers or production: no development IdP at all (404), and /dev/token is gone', async () => {
    const issuers = JSON.stringify([{ issuer: 'https://idp.se.example', country: 'SE', algorithms: ['ES256'], jwksUri: 'https://idp.se.example/jwks' }]);
    for (const [env, production] of [[{ TRUSTED_ISSUERS: issuers }, false], [{ TRUSTED_ISSUERS: issuers, NODE_ENV: 'production' }, true]] as const) {
      const s = await start(dataDir, env, production);
      try {
        for (const p of ['/dev/idp/se/.well-known/openid-configuration', '/dev/idp/se/jwks', '/dev/idp/se/auth', '/dev/idp/se/interaction/x']) {
          expect((await fetch(`${s.base}${p}`)).status).toBe(404);
        }
        expect((await fetch(`${s.base}/dev/idp/se/token`, { method: 'POST', body: 'grant_type=x' })).status).toBe(404);
        expect((await fetch(`${s.base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"country":"SE","role":"officer"}' })).status).toBe(404);
        expect(await (await fetch(`${s.base}/api/v1/client-config`)).json()).toEqual({ authMode: 'configured', issuers: [] });
      } finally {
        await s.close();
      }
    }
  });

  test('a configured issuer with a dashboard client is offered for sign-in, and the dashboard may reach it (CSP connect-src)', async () => {
    const issuers = JSON.stringify([{
      discoveryUrl: 'http://127.0.0.1:9/realms/polisen/.well-known/openid-configuration', country: 'SE', algorithms: ['RS256'],
      name: 'Swedish Police', dashboard: { clientId: 'liaison-dashboard', scope: 'openid profile' },
    }]);
    const s = await start(dataDir, { TRUSTED_ISSUERS: issuers });
    try {
      const res = await fetch(`${s.base}/api/v1/client-config`);
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:9;");
      expect(await res.json()).toEqual({
        authMode: 'configured',
        issuers: [{ id: 'se', name: 'Swedish Police', country: 'SE', authority: 'http://127.0.0.1:9/realms/polisen', clientId: 'liaison-dashboard', scope: 'openid profile', development: false }],
      });
    } finally {
      await s.close();
    }
  });
});

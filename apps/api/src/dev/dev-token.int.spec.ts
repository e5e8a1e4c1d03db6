import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SqliteEventStore } from '@liaison/event-store';
import { createApp } from '../app.factory.js';
import type { AppConfig } from '../config/app.config.js';
import { devIssuerUrl, ensureDevIdentityProviders } from '../auth/index.js';
import type { AuthEnv } from '../auth/index.js';
import { isDevelopmentAuth } from './dev-mode.js';

interface Running {
  app: NestFastifyApplication;
  base: string;
  close: () => Promise<void>;
}

async function start(authEnv: AuthEnv, production = false, dataDir?: string): Promise<Running> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'liaison-dev-')));
  const config: AppConfig = { port: 0, host: '127.0.0.1', dataDir: dir, eventStore: 'sqlite', production, bodyLimit: 65536, logLevel: 'error' };
  const store = SqliteEventStore.open(path.join(dir, 'events.db'));
  const { app } = await createApp(config, store, { authEnv });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return {
    app,
    base: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await store.close();
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

const postToken = (base: string, body: unknown) =>
  fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /dev/token', () => {
  test('development mode: a dev-IdP token the API accepts, with the role\'s scopes', async () => {
    const s = await start({});
    try {
      const res = await postToken(s.base, { country: 'DK', role: 'supervisor' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { token: string; scopes: string[]; subject: string };
      expect(body.scopes).toEqual(['cases:read', 'dashboards:read', 'audit:read']);
      expect(body.subject).toBe('dev-dk-supervisor');
      const counts = await fetch(`${s.base}/api/v1/detentions/counts`, { headers: { authorization: `Bearer ${body.token}` } });
      expect(counts.status).toBe(200);
      expect(await (await fetch(`${s.base}/api/v1/client-config`)).json()).toEqual({ authMode: 'development', devSignIn: true });
      expect((await postToken(s.base, { country: 'XX', role: 'officer' })).status).toBe(400);
      expect((await postToken(s.base, { country: 'SE', role: 'admin' })).status).toBe(400);
    } finally {
      await s.close();
    }
  });

  test('configured (real issuers) and production: the route does not exist', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'liaison-dev-'));
    try {
      const [se] = await ensureDevIdentityProviders(dir);
      const issuers = JSON.stringify([{ issuer: devIssuerUrl('SE'), country: 'SE', algorithms: ['ES256'], jwksFile: se?.jwksFile }]);
      for (const [env, production] of [[{ TRUSTED_ISSUERS: issuers }, false], [{ TRUSTED_ISSUERS: issuers, NODE_ENV: 'production' }, true]] as const) {
        const s = await start(env, production, dir);
        try {
          const res = await postToken(s.base, { country: 'SE', role: 'officer' });
          expect(res.status).toBe(404);
          expect(await (await fetch(`${s.base}/api/v1/client-config`)).json()).toEqual({ authMode: 'configured', devSignIn: false });
        } finally {
          await s.close();
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the registration decision mirrors loadAuthConfig', () => {
    expect(isDevelopmentAuth({})).toBe(true);
    expect(isDevelopmentAuth({ NODE_ENV: 'test' })).toBe(true);
    expect(isDevelopmentAuth({ NODE_ENV: 'production' })).toBe(false);
    expect(isDevelopmentAuth({ TRUSTED_ISSUERS: '[{}]' })).toBe(false);
    expect(isDevelopmentAuth({ TRUSTED_ISSUERS_FILE: '/etc/liaison/issuers.json' })).toBe(false);
    expect(isDevelopmentAuth({ TRUSTED_ISSUERS: '  ' })).toBe(true);
  });
});

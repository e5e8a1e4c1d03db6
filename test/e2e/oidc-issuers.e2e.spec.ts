/**
 * Issuers by discovery and claims mapping (issue 20), over real HTTP: the API (createApp on a port)
 * trusts two OpenID Providers (oidc-provider instances for SE and DK, on their own ports) by their
 * discovery URLs, plus a Keycloak-shaped and an Entra ID-shaped issuer whose tokens are signed here
 * with jose against their published JWKS.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SqliteEventStore } from '@liaison/event-store';
import { createApp } from '../../apps/api/src/app.factory.js';
import type { AppConfig } from '../../apps/api/src/config/app.config.js';
import { newSigningKey, startProvider, startStaticIdp, type ProviderInstance, type StaticIdp } from './support/identity-providers.js';

const COOLDOWN_MS = 300;
const JWKS_MAX_AGE_MS = 1500;
let se: ProviderInstance;
let dk: ProviderInstance;
let idps: StaticIdp;
let app: NestFastifyApplication;
let store: SqliteEventStore;
let dataDir: string;
let base: string;

const discovery = (issuer: string) => `${issuer}/.well-known/openid-configuration`;

beforeAll(async () => {
  [se, dk, idps] = await Promise.all([startProvider('SE', 'liaison'), startProvider('DK', 'liaison'), startStaticIdp()]);
  const issuers = [
    { discoveryUrl: discovery(se.issuer), country: 'SE', algorithms: ['ES256'], claims: { roles: { claims: ['roles'], values: { officer: 'officer', analyst: 'analyst', supervisor: 'supervisor' } } } },
    { discoveryUrl: discovery(dk.issuer), country: 'DK', algorithms: ['ES256'], claims: { roles: { claims: ['roles'], values: { officer: 'officer', analyst: 'analyst', supervisor: 'supervisor' } } } },
    {
      // Keycloak: realm roles and groups; the country comes from a user-attribute mapper and must agree.
      discoveryUrl: discovery(idps.keycloak), country: 'NO', algorithms: ['RS256'],
      claims: {
        country: { claim: 'country' },
        roles: { claims: ['realm_access.roles', 'groups'], values: { 'liaison-officer': 'officer', '/politiet/liaison-supervisors': 'supervisor' } },
      },
    },
    {
      // Entra ID: app roles in `roles`, delegated scopes in `scp`, stable subject `oid`, own audience; country implied by the tenant.
      discoveryUrl: discovery(idps.entra), country: 'FI', algorithms: ['RS256'], audience: 'api://liaison',
      claims: {
        subject: 'oid', country: 'issuer',
        roles: { claims: ['roles'], values: { 'Liaison.Officer': 'officer', 'Liaison.Analyst': 'analyst' } },
        scopes: { claims: ['scp'], values: { 'Audit.Read': ['audit:read'] } },
      },
    },
    { discoveryUrl: discovery(idps.impostor), country: 'IS', algorithms: ['RS256'] },
  ];
  dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-oidc-e2e-'));
  const config: AppConfig = { port: 0, host: '127.0.0.1', dataDir, eventStore: 'sqlite', production: false, bodyLimit: 65536, logLevel: 'error' };
  store = SqliteEventStore.open(path.join(dataDir, 'events.db'));
  ({ app } = await createApp(config, store, {
    authEnv: { TRUSTED_ISSUERS: JSON.stringify(issuers) },
    authVerifier: { jwksUriCooldownMs: COOLDOWN_MS, jwksCacheMaxAgeMs: JWKS_MAX_AGE_MS, cacheMaxAgeMs: 200, clockSkewSec: 0 },
  }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = await app.getUrl();
}, 30_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await Promise.all([se?.stop(), dk?.stop(), idps?.stop()]);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Me { subject: string; country: string; issuer: string; scopes: string[]; roles: string[] }

async function me(token: string): Promise<{ status: number; body: Me; challenge: string | null }> {
  const res = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Me, challenge: res.headers.get('www-authenticate') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('issuers by discovery: two OpenID Providers (SE, DK) over HTTP', () => {
  it('verifies each provider\'s own tokens through its discovery document and JWKS, roles mapped to scopes', async () => {
    const [seMe, dkMe] = await Promise.all([me(await se.token({ sub: 'se-officer-1', role: 'officer' })), me(await dk.token({ sub: 'dk-analyst-1', role: 'analyst' }))]);
    expect(seMe).toMatchObject({ status: 200, body: { subject: 'se-officer-1', country: 'SE', issuer: se.issuer, roles: ['officer'] } });
    expect(seMe.body.scopes).toEqual(expect.arrayContaining(['cases:read', 'cases:write', 'cases:share', 'dashboards:read']));
    expect(dkMe).toMatchObject({ status: 200, body: { country: 'DK', issuer: dk.issuer, roles: ['analyst'] } });
    expect(dkMe.body.scopes).not.toContain('cases:write');
  });

  it('refuses an issuer whose discovery document names another issuer', async () => {
    const token = await idps.sign(idps.impostor, { sub: 'x', aud: 'liaison', country: 'IS' });
    expect((await me(token)).status).toBe(401);
  });

  it('an SE token claiming DK is refused, and so is the DK provider\'s token presented as SE\'s', async () => {
    expect((await me(await se.sign({ sub: 'se-officer-1', country: 'DK', roles: ['officer'] }))).status).toBe(401);
    const dkToken = await dk.token({ sub: 'dk-officer-1', role: 'officer' });
    const [h, p, sig] = dkToken.split('.') as [string, string, string];
    const asSe = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), iss: se.issuer, country: 'SE' })).toString('base64url');
    expect((await me(`${h}.${asSe}.${sig}`)).status).toBe(401);
  });

  it('wrong audience → 401', async () => {
    const res = await me(await se.sign({ sub: 'se-officer-1', country: 'SE', roles: ['officer'], aud: 'another-service' }));
    expect(res.status).toBe(401);
    expect(res.challenge).toBe('Bearer realm="liaison", error="invalid_token"');
  });

  it('an expired token → 401 with WWW-Authenticate saying so', async () => {
    // The provider issues iat in whole seconds and exp = iat + ttl: with ttl 1 a token minted late in a
    // second lived only milliseconds and the first call could already be refused. ttl 2 lives ≥ 1 s.
    const token = await se.token({ sub: 'se-officer-1', role: 'officer', ttl: 2 });
    expect((await me(token)).status).toBe(200);
    await sleep(3100);
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.challenge).toBe('Bearer realm="liaison", error="invalid_token", error_description="The access token expired"');
    const none = await fetch(`${base}/api/v1/me`);
    expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="liaison"']);
  });

  it('key rotation: a new key verifies (unknown kid refetches the JWKS, once per cooldown); a removed key stops verifying', async () => {
    const oldKey = se.keys[0];
    const before = await se.token({ sub: 'se-rotation', role: 'officer' });
    expect((await me(before)).status).toBe(200);

    await sleep(COOLDOWN_MS + 50);
    const newKey = await newSigningKey();
    await se.setKeys([newKey, oldKey as NonNullable<typeof oldKey>]);
    const fetchesBefore = se.jwksFetches();
    const after = await se.token({ sub: 'se-rotation-2', role: 'officer' });
    expect((await me(after)).status).toBe(200);
    expect(se.jwksFetches()).toBe(fetchesBefore + 1);
    expect((await me(before)).status).toBe(200);

    // Tokens naming kids nobody published: refused, and they cannot make the API hammer the IdP.
    const stranger = await newSigningKey();
    for (let i = 0; i < 5; i++) expect((await me(await se.sign({ sub: `x${i}`, country: 'SE', roles: ['officer'] }, stranger))).status).toBe(401);
    expect(se.jwksFetches()).toBeLessThanOrEqual(fetchesBefore + 2);

    await se.setKeys([newKey]);
    await sleep(JWKS_MAX_AGE_MS + 100);
    expect((await me(before)).status).toBe(401);
    expect((await me(after)).status).toBe(200);
    expect((await me(await se.token({ sub: 'se-rotation-3', role: 'officer' }))).status).toBe(200);
  }, 20_000);
});

describe('claims mapping', () => {
  it('Keycloak-shaped: realm_access.roles and groups map to roles; the country claim must agree with the issuer', async () => {
    const officer = await me(await idps.sign(idps.keycloak, {
      sub: 'f3b6c2d4', aud: ['liaison', 'account'], country: 'NO', preferred_username: 'ola.nordmann', name: 'Ola Nordmann',
      realm_access: { roles: ['offline_access', 'liaison-officer'] }, resource_access: { account: { roles: ['view-profile'] } }, scope: 'openid profile email',
    }));
    expect(officer).toMatchObject({ status: 200, body: { subject: 'f3b6c2d4', country: 'NO', roles: ['officer'] } });
    expect(officer.body.scopes).toEqual(expect.arrayContaining(['cases:write', 'openid']));
    const supervisor = await me(await idps.sign(idps.keycloak, { sub: 'a1', aud: 'liaison', country: 'NO', groups: ['/politiet/liaison-supervisors'] }));
    expect(supervisor.body).toMatchObject({ roles: ['supervisor'] });
    expect(supervisor.body.scopes).toContain('audit:read');
    expect((await me(await idps.sign(idps.keycloak, { sub: 'a2', aud: 'liaison', country: 'SE', realm_access: { roles: ['liaison-officer'] } }))).status).toBe(401);
    expect((await me(await idps.sign(idps.keycloak, { sub: 'a3', aud: 'liaison', realm_access: { roles: ['liaison-officer'] } }))).status).toBe(401);
    const nobody = await me(await idps.sign(idps.keycloak, { sub: 'a4', aud: 'liaison', country: 'NO', realm_access: { roles: ['uma_authorization'] } }));
    expect(nobody).toMatchObject({ status: 200, body: { roles: [] } });
    expect(nobody.body.scopes.filter((s) => s.includes(':'))).toEqual([]);
    expect((await fetch(`${base}/api/v1/detentions/counts`, { headers: { authorization: `Bearer ${await idps.sign(idps.keycloak, { sub: 'a4', aud: 'liaison', country: 'NO' })}` } })).status).toBe(403);
  });

  it('Entra ID-shaped: oid as subject, app roles and scp mapped, country from the tenant, its own audience', async () => {
    const claims = { sub: 'pairwise-sub', oid: '6f1c2a9e-0000-4000-8000-000000000001', tid: 'tenant-fi', aud: 'api://liaison', ver: '2.0', name: 'Matti Meikäläinen' };
    const analyst = await me(await idps.sign(idps.entra, { ...claims, roles: ['Liaison.Analyst'], scp: 'Audit.Read User.Read' }));
    expect(analyst).toMatchObject({ status: 200, body: { subject: claims.oid, country: 'FI', roles: ['analyst'] } });
    expect([...analyst.body.scopes].sort()).toEqual(['audit:read', 'cases:read', 'dashboards:read']);
    expect((await me(await idps.sign(idps.entra, { ...claims, aud: 'liaison', roles: ['Liaison.Officer'] }))).status).toBe(401);
    expect((await me(await idps.sign(idps.entra, { ...claims, country: 'SE', roles: ['Liaison.Officer'] }))).status).toBe(401);
    expect((await me(await idps.sign(idps.entra, { ...claims, country: 'FI', roles: ['Liaison.Officer'] }))).body.roles).toEqual(['officer']);
  });
});

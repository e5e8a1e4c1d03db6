import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TrustedIssuer } from '../../auth/auth.types.js';
import type { TokenVerifier } from '../../auth/token-verifier.js';
import { discoveryUrlFor } from '../../auth/discovery.js';
import { DEV_COUNTRIES, devIdpName, isDevCountry, type DevCountry } from './dev-idp.accounts.js';
import { DEV_ALG, devIdpBaseUrlFile, devIdpDir, loadDevCookieSecret, loadDevSigningKeys } from './dev-idp.keys.js';
import { createDevIdp, DASHBOARD_CLIENT_ID, LIAISON_SCOPE, type DevIdp } from './dev-idp.provider.js';

export interface DevIdpMountOptions {
  dataDir: string;
  audience: string;
  verifier: TokenVerifier;
  /** Lifetime of dashboard access tokens (DEV_IDP_TOKEN_TTL; short values exercise renewal). */
  accessTokenTtlSec: number;
  /** Interface the service listens on (HOST): the dev issuers' host, `localhost` for a wildcard. */
  host: string;
}

const PREFIX = '/dev/idp/';

/** How a development issuer is trusted: by discovery, with roles mapped from its `roles` claim. */
export function devTrustedIssuer(baseUrl: string, country: DevCountry): TrustedIssuer {
  const issuer = `${baseUrl}${PREFIX}${country.toLowerCase()}`;
  return {
    issuer,
    country,
    algorithms: [DEV_ALG],
    discoveryUrl: discoveryUrlFor(issuer),
    name: devIdpName(country),
    development: true,
    dashboard: { clientId: DASHBOARD_CLIENT_ID, scope: `openid profile ${LIAISON_SCOPE}`, prompt: 'login' },
    claims: {
      country: { claim: 'country' },
      roles: { claims: ['roles'], values: { officer: 'officer', analyst: 'analyst', supervisor: 'supervisor' } },
    },
  };
}

/** Earlier runs' issuers on another port: same keys (DATA_DIR), so their tokens stay good; trusted by key file. */
function earlierIssuer(dataDir: string, baseUrl: string, country: DevCountry): TrustedIssuer {
  const { discoveryUrl: _d, dashboard: _c, ...rest } = devTrustedIssuer(baseUrl, country);
  return { ...rest, jwksFile: join(devIdpDir(dataDir), `${country.toLowerCase()}.jwks.json`) };
}

const KEPT_BASES = 10;

function baseUrlOf(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** `npm run dev:web` serves the dashboard from Vite's port (its proxy forwards /api and /dev here). */
const VITE_DEV_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/** Where the dashboard may run: this server under either loopback name, and Vite's dev server. */
function dashboardOrigins(base: string): string[] {
  const url = new URL(base);
  if (url.hostname === '127.0.0.1') return [base, base.replace('//127.0.0.1:', '//localhost:'), ...VITE_DEV_ORIGINS];
  if (url.hostname === 'localhost') return [base, base.replace('//localhost:', '//127.0.0.1:'), ...VITE_DEV_ORIGINS];
  return [base, ...VITE_DEV_ORIGINS];
}

/**
 * Development mode only: one OpenID Provider per development country at /dev/idp/<cc>, inside the
 * service. Their issuer URL includes the port, known once the service listens; then they start and
 * the API trusts them through discovery, exactly as it trusts a national IdP in production.
 */
export async function mountDevIdentityProviders(app: NestFastifyApplication, opts: DevIdpMountOptions): Promise<() => Promise<void>> {
  // Keys first, before listening: a DATA_DIR problem fails start-up, not the first sign-in.
  const cookieSecret = await loadDevCookieSecret(opts.dataDir);
  const keys = new Map<DevCountry, Awaited<ReturnType<typeof loadDevSigningKeys>>>();
  for (const country of DEV_COUNTRIES) keys.set(country, await loadDevSigningKeys(opts.dataDir, country));
  const fastify = app.getHttpAdapter().getInstance();
  let started: Promise<Map<string, DevIdp>> | undefined;

  const start = (): Promise<Map<string, DevIdp>> => {
    started ??= (async () => {
      const address = app.getHttpServer().address() as AddressInfo | null;
      if (address === null || typeof address === 'string') throw new Error('development IdPs need a TCP port');
      const base = baseUrlOf(opts.host, address.port);
      const idps = new Map<string, DevIdp>();
      for (const country of DEV_COUNTRIES) {
        const trusted = devTrustedIssuer(base, country);
        idps.set(country.toLowerCase(), await createDevIdp({
          issuer: trusted.issuer,
          country,
          keys: keys.get(country) ?? [],
          cookieSecret,
          audience: opts.audience,
          accessTokenTtlSec: opts.accessTokenTtlSec,
          dashboardOrigins: dashboardOrigins(base),
        }));
        opts.verifier.trust(trusted);
      }
      // A restart on another port (PORT=0) renames the issuers; tokens the earlier ones issued stay valid.
      const basesFile = join(devIdpDir(opts.dataDir), 'base-urls');
      const earlier = ((await readFile(basesFile, 'utf8').catch(() => '')).split('\n').filter((b) => b.startsWith('http') && b !== base)).slice(-KEPT_BASES);
      for (const old of earlier) for (const country of DEV_COUNTRIES) opts.verifier.trust(earlierIssuer(opts.dataDir, old, country));
      await writeFile(basesFile, `${[...earlier, base].join('\n')}\n`, { mode: 0o644 });
      await writeFile(devIdpBaseUrlFile(opts.dataDir), `${base}\n`, { mode: 0o644 });
      new Logger('DevIdp').log({ msg: 'development identity providers', issuers: [...idps.values()].map((i) => i.issuer) });
      return idps;
    })();
    return started;
  };

  fastify.addHook('onListen', async () => {
    await start();
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(PREFIX)) return;
    const country = request.url.slice(PREFIX.length).split(/[/?]/)[0] ?? '';
    const idp = isDevCountry(country.toUpperCase()) ? (await start()).get(country) : undefined;
    if (idp === undefined) return; // Nest answers 404
    reply.hijack();
    idp.handle(request.raw, reply.raw);
  });
  // For whoever announces "running": once listening, the IdPs are up and trusted.
  return async () => {
    await start();
  };
}

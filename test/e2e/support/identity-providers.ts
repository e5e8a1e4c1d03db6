/**
 * Identity providers over real HTTP for the sign-in e2e (issue 20): development OpenID Providers
 * (oidc-provider, the same factory the service mounts) on their own ports, whose keys a spec can
 * rotate, and a plain discovery + JWKS server standing in for Keycloak and Entra ID, whose tokens the
 * spec signs with jose in their claim shapes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { DevCountry } from '../../../apps/api/src/dev/idp/dev-idp.accounts.js';
import { newSigningKey, publicJwk } from '../../../apps/api/src/dev/idp/dev-idp.keys.js';
import { CLI_CLIENT_ID, createDevIdp, DEV_GRANT, type DevIdp } from '../../../apps/api/src/dev/idp/dev-idp.provider.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

export interface ProviderInstance {
  issuer: string;
  /** Signing keys as published now (first signs). */
  keys: JWK[];
  jwksFetches: () => number;
  /** Restarts the provider with these keys (same issuer, same port), as an IdP's key rotation does. */
  setKeys(keys: JWK[]): Promise<void>;
  token(input: { sub: string; role: string; ttl?: number }): Promise<string>;
  /** Signs arbitrary claims with one of the provider's keys (a misbehaving IdP, or a token the provider would not issue). */
  sign(claims: JWTPayload, key?: JWK): Promise<string>;
  stop(): Promise<void>;
}

export async function startProvider(country: DevCountry, audience: string): Promise<ProviderInstance> {
  let idp: DevIdp | undefined;
  let fetches = 0;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/idp/jwks')) fetches += 1;
    if (idp) idp.handle(req, res);
    else res.writeHead(503).end();
  });
  const issuer = `${await listen(server)}/idp`;
  const cookieSecret = 'e2e-cookie-secret-e2e-cookie-secret';
  const instance: ProviderInstance = {
    issuer,
    keys: [await newSigningKey()],
    jwksFetches: () => fetches,
    async setKeys(keys) {
      instance.keys = keys;
      idp = await createDevIdp({ issuer, country, keys, cookieSecret, audience, accessTokenTtlSec: 600, dashboardOrigins: ['http://127.0.0.1:1'] });
    },
    async token({ sub, role, ttl = 600 }) {
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: DEV_GRANT, client_id: CLI_CLIENT_ID, subject: sub, role, ttl: String(ttl) }),
      });
      const body = (await res.json()) as { access_token?: string; error_description?: string };
      if (!body.access_token) throw new Error(`token refused: ${body.error_description}`);
      return body.access_token;
    },
    async sign(claims, key = instance.keys[0]) {
      const jwk = key as JWK;
      const iat = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, aud: audience, iat, exp: iat + 600, ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: jwk.kid as string, typ: 'at+jwt' })
        .sign(await importJWK(jwk, 'ES256'));
    },
    stop: () => close(server),
  };
  await instance.setKeys(instance.keys);
  return instance;
}

export interface StaticIdp {
  /** Keycloak-shaped: realm issuer, certs endpoint. */
  keycloak: string;
  /** Entra ID-shaped: tenant v2.0 issuer, common keys endpoint. */
  entra: string;
  /** Serves a discovery document that names another issuer than the one asked for. */
  impostor: string;
  sign(issuer: string, claims: JWTPayload): Promise<string>;
  stop(): Promise<void>;
}

export async function startStaticIdp(): Promise<StaticIdp> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' };
  let origin = '';
  const docs = (): Record<string, unknown> => ({
    '/realms/polisen/.well-known/openid-configuration': { issuer: `${origin}/realms/polisen`, jwks_uri: `${origin}/realms/polisen/protocol/openid-connect/certs` },
    '/realms/polisen/protocol/openid-connect/certs': { keys: [jwk] },
    '/tenant-fi/v2.0/.well-known/openid-configuration': { issuer: `${origin}/tenant-fi/v2.0`, jwks_uri: `${origin}/common/discovery/v2.0/keys` },
    '/common/discovery/v2.0/keys': { keys: [jwk] },
    '/impostor/.well-known/openid-configuration': { issuer: `${origin}/realms/polisen`, jwks_uri: `${origin}/common/discovery/v2.0/keys` },
  });
  const server = createServer((req, res) => {
    const doc = docs()[req.url ?? ''];
    if (doc === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  });
  origin = await listen(server);
  return {
    keycloak: `${origin}/realms/polisen`,
    entra: `${origin}/tenant-fi/v2.0`,
    impostor: `${origin}/impostor`,
    async sign(issuer, claims) {
      const iat = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, iat, exp: iat + 600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1', typ: 'JWT' })
        .sign(privateKey as CryptoKey);
    },
    stop: () => close(server),
  };
}

export { newSigningKey, publicJwk };

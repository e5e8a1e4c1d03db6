import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import { devIssuerUrl, type DevCountry } from '../../../apps/api/src/dev/dev-token.client.js';

export interface ForgedToken {
  /** Issued-at (epoch seconds); default now. */
  iat?: number;
  /** Lifetime in seconds; default 600. */
  ttlSec?: number;
  audience?: string;
  subject?: string;
}

/**
 * Signs arbitrary claims with a development IdP's own key (from the running service's DATA_DIR):
 * tokens the provider would never issue (expired, for another audience, claiming another country),
 * so a spec can show the API refuses them for the right reason rather than for an unknown key.
 */
export async function signedByDevIdp(dataDir: string, country: DevCountry, claims: Record<string, unknown>, t: ForgedToken = {}): Promise<string> {
  const file = join(dataDir, 'dev-idp', `${country.toLowerCase()}.private.jwks.json`);
  const jwk = (JSON.parse(readFileSync(file, 'utf8')) as { keys: JWK[] }).keys[0];
  const iat = t.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid as string, typ: 'JWT' })
    .setIssuer(devIssuerUrl(dataDir, country)).setSubject(t.subject ?? 'e2e-forged').setAudience(t.audience ?? 'liaison')
    .setIssuedAt(iat).setNotBefore(iat).setExpirationTime(iat + (t.ttlSec ?? 600))
    .sign(await importJWK(jwk, 'ES256'));
}

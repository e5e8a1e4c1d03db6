import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { AuthConfigError, AuthenticationError } from './auth.errors.js';
import type { TrustedIssuer } from './auth.types.js';
import { createFileKeySet } from './file-key-set.js';

export interface KeySourceOptions {
  now: () => number;
  fileReloadIntervalMs: number;
  uriCooldownMs: number;
  uriTimeoutMs: number;
}

// These mean "this token names no usable key" and must stay distinguishable from an outage.
const TOKEN_FAULT_CODES = new Set([
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JOSENotSupported.code,
]);

function isTokenFault(err: unknown): boolean {
  return err instanceof errors.JOSEError && TOKEN_FAULT_CODES.has(err.code);
}

/** Turns fetch/read failures into a distinct reason so an IdP outage is not logged as forgery. */
function reportUnavailable(source: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await source(header, token);
    } catch (err) {
      if (isTokenFault(err)) throw err;
      throw new AuthenticationError('jwks-unavailable', { cause: err });
    }
  };
}

/** Builds the key resolver for one issuer; each issuer only ever sees its own keys. */
export function createIssuerKeySource(issuer: TrustedIssuer, opts: KeySourceOptions): JWTVerifyGetKey {
  const sources = [issuer.jwksUri, issuer.jwksFile, issuer.jwks].filter((s) => s !== undefined);
  if (sources.length !== 1) {
    throw new AuthConfigError(`issuer ${issuer.issuer}: set exactly one of jwksUri, jwksFile, jwks`);
  }
  if (issuer.jwksUri !== undefined) {
    return reportUnavailable(
      createRemoteJWKSet(new URL(issuer.jwksUri), {
        cooldownDuration: opts.uriCooldownMs,
        timeoutDuration: opts.uriTimeoutMs,
      }),
    );
  }
  if (issuer.jwksFile !== undefined) {
    return reportUnavailable(
      createFileKeySet(issuer.jwksFile, { now: opts.now, reloadIntervalMs: opts.fileReloadIntervalMs }),
    );
  }
  try {
    return createLocalJWKSet(issuer.jwks as NonNullable<TrustedIssuer['jwks']>);
  } catch (err) {
    throw new AuthConfigError(`issuer ${issuer.issuer}: invalid inline jwks`, { cause: err });
  }
}

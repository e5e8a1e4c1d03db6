import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { AuthConfigError, AuthenticationError } from './auth.errors.js';
import type { TrustedIssuer } from './auth.types.js';
import { DiscoveredIssuer } from './discovery.js';
import { createFileKeySet } from './file-key-set.js';

export interface KeySourceOptions {
  now: () => number;
  fileReloadIntervalMs: number;
  uriCooldownMs: number;
  uriTimeoutMs: number;
  /** How long jose keeps a fetched JWKS before fetching it again (keys the IdP removed stop verifying then). */
  uriCacheMaxAgeMs: number;
  discoveryMaxAgeMs: number;
  discoveryRetryAfterMs: number;
  requireHttps: boolean;
  log?: (message: string) => void;
}

export interface IssuerKeySource {
  keys: JWTVerifyGetKey;
  /** Set for issuers configured by discovery. */
  discovery?: DiscoveredIssuer;
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
export function createIssuerKeySource(issuer: TrustedIssuer, opts: KeySourceOptions): IssuerKeySource {
  const sources = [issuer.discoveryUrl, issuer.jwksUri, issuer.jwksFile, issuer.jwks].filter((s) => s !== undefined);
  if (sources.length !== 1) {
    throw new AuthConfigError(`issuer ${issuer.issuer}: set exactly one of discoveryUrl, jwksUri, jwksFile, jwks`);
  }
  if (issuer.discoveryUrl !== undefined) {
    const discovery = new DiscoveredIssuer(issuer.issuer, issuer.discoveryUrl, {
      now: opts.now,
      requireHttps: opts.requireHttps,
      timeoutMs: opts.uriTimeoutMs,
      maxAgeMs: opts.discoveryMaxAgeMs,
      retryAfterMs: opts.discoveryRetryAfterMs,
      jwksCooldownMs: opts.uriCooldownMs,
      jwksCacheMaxAgeMs: opts.uriCacheMaxAgeMs,
      ...(opts.log ? { log: opts.log } : {}),
    });
    return { keys: reportUnavailable(discovery.keys), discovery };
  }
  if (issuer.jwksUri !== undefined) {
    return {
      keys: reportUnavailable(
        createRemoteJWKSet(new URL(issuer.jwksUri), {
          cooldownDuration: opts.uriCooldownMs,
          cacheMaxAge: opts.uriCacheMaxAgeMs,
          timeoutDuration: opts.uriTimeoutMs,
        }),
      ),
    };
  }
  if (issuer.jwksFile !== undefined) {
    return {
      keys: reportUnavailable(createFileKeySet(issuer.jwksFile, { now: opts.now, reloadIntervalMs: opts.fileReloadIntervalMs })),
    };
  }
  try {
    return { keys: createLocalJWKSet(issuer.jwks as NonNullable<TrustedIssuer['jwks']>) };
  } catch (err) {
    throw new AuthConfigError(`issuer ${issuer.issuer}: invalid inline jwks`, { cause: err });
  }
}

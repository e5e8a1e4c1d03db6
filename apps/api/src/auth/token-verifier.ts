import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthConfigError, AuthenticationError, type AuthFailureReason } from './auth.errors.js';
import { SUPPORTED_ALGORITHMS, type Principal, type TrustedIssuer } from './auth.types.js';
import { createIssuerKeySource } from './issuer-key-source.js';
import { parseScopeClaim } from './scopes.js';
import { VerifiedTokenCache } from './verified-token.cache.js';

export interface TokenVerifierOptions {
  audience: string;
  clockSkewSec?: number;
  /** Epoch milliseconds; injectable so tests can move time. */
  now?: () => number;
  cacheSize?: number;
  /** Re-verify cached tokens this often, bounding how long a withdrawn key keeps working. */
  cacheMaxAgeMs?: number;
  jwksFileReloadIntervalMs?: number;
  jwksUriCooldownMs?: number;
  jwksUriTimeoutMs?: number;
}

interface IssuerEntry {
  config: TrustedIssuer;
  algorithms: string[];
  keys: JWTVerifyGetKey;
}

// Real IdP tokens are well under 2 KB; the cap keeps hostile input away from the decoders.
const MAX_TOKEN_LENGTH = 8192;

export class TokenVerifier {
  private readonly issuers = new Map<string, IssuerEntry>();
  private readonly cache: VerifiedTokenCache;
  private readonly now: () => number;
  private readonly skewSec: number;
  private readonly cacheMaxAgeMs: number;

  constructor(issuers: readonly TrustedIssuer[], private readonly opts: TokenVerifierOptions) {
    this.now = opts.now ?? Date.now;
    this.skewSec = opts.clockSkewSec ?? 30;
    this.cacheMaxAgeMs = opts.cacheMaxAgeMs ?? 5 * 60_000;
    this.cache = new VerifiedTokenCache(opts.cacheSize ?? 10_000);
    const keyOpts = {
      now: this.now,
      fileReloadIntervalMs: opts.jwksFileReloadIntervalMs ?? 1000,
      uriCooldownMs: opts.jwksUriCooldownMs ?? 30_000,
      uriTimeoutMs: opts.jwksUriTimeoutMs ?? 5000,
    };
    for (const config of issuers) {
      if (this.issuers.has(config.issuer)) throw new AuthConfigError(`duplicate issuer ${config.issuer}`);
      const algorithms = [...config.algorithms];
      const unsupported = algorithms.filter((a) => !(SUPPORTED_ALGORITHMS as readonly string[]).includes(a));
      if (algorithms.length === 0 || unsupported.length > 0) {
        throw new AuthConfigError(`issuer ${config.issuer}: algorithms must be a non-empty subset of ${SUPPORTED_ALGORITHMS.join(', ')}`);
      }
      this.issuers.set(config.issuer, { config, algorithms, keys: createIssuerKeySource(config, keyOpts) });
    }
  }

  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const cacheKey = VerifiedTokenCache.keyFor(token);
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined && now - hit.verifiedAt <= this.cacheMaxAgeMs) {
      const skewMs = this.skewSec * 1000;
      if (now >= hit.principal.expiresAt + skewMs) {
        this.cache.delete(cacheKey);
        throw new AuthenticationError('expired');
      }
      if (hit.notBefore > now + skewMs) throw new AuthenticationError('not-yet-valid');
      return hit.principal;
    }
    const { principal, notBefore } = await this.verifyUncached(token, now);
    this.cache.set(cacheKey, { principal, notBefore, verifiedAt: now });
    return principal;
  }

  private async verifyUncached(token: string, now: number): Promise<{ principal: Principal; notBefore: number }> {
    const entry = this.selectIssuer(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, entry.keys, {
        issuer: entry.config.issuer,
        audience: this.opts.audience,
        algorithms: entry.algorithms,
        clockTolerance: this.skewSec,
        currentDate: new Date(now),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      throw toAuthenticationError(err);
    }
    return { principal: toPrincipal(payload, entry.config), notBefore: (payload.nbf ?? 0) * 1000 };
  }

  /** The unverified header/payload are read only to choose whose keys to check against. */
  private selectIssuer(token: string): IssuerEntry {
    if (token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) throw new AuthenticationError('malformed');
    let alg: unknown;
    let iss: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
      iss = decodeJwt(token).iss;
    } catch (err) {
      throw new AuthenticationError('malformed', { cause: err });
    }
    const entry = typeof iss === 'string' ? this.issuers.get(iss) : undefined;
    if (entry === undefined) throw new AuthenticationError('untrusted-issuer');
    // jose enforces this too; failing early avoids a key lookup for `none`/HS* tokens.
    if (typeof alg !== 'string' || !entry.algorithms.includes(alg)) throw new AuthenticationError('algorithm-not-allowed');
    return entry;
  }
}

function toPrincipal(payload: JWTPayload, issuer: TrustedIssuer): Principal {
  const { sub, country, scope, name, exp } = payload;
  if (typeof sub !== 'string' || sub.length === 0) throw new AuthenticationError('invalid-claim');
  if (country === undefined) throw new AuthenticationError('missing-claim');
  // The core cross-border rule: an IdP can only vouch for its own country's officers.
  if (country !== issuer.country) throw new AuthenticationError('country-mismatch');
  if (scope !== undefined && typeof scope !== 'string') throw new AuthenticationError('invalid-claim');
  return {
    subject: sub,
    country: issuer.country,
    issuer: issuer.issuer,
    scopes: parseScopeClaim(scope ?? ''),
    expiresAt: (exp as number) * 1000,
    ...(typeof name === 'string' ? { name } : {}),
  };
}

const REASON_BY_CODE: Readonly<Record<string, AuthFailureReason>> = {
  [errors.JWTExpired.code]: 'expired',
  [errors.JOSEAlgNotAllowed.code]: 'algorithm-not-allowed',
  [errors.JWSSignatureVerificationFailed.code]: 'bad-signature',
  [errors.JWKSNoMatchingKey.code]: 'unknown-key',
  [errors.JWKSMultipleMatchingKeys.code]: 'unknown-key',
  [errors.JWKSTimeout.code]: 'jwks-unavailable',
  [errors.JWKSInvalid.code]: 'jwks-unavailable',
};

const REASON_BY_CLAIM: Readonly<Record<string, AuthFailureReason>> = {
  nbf: 'not-yet-valid',
  aud: 'wrong-audience',
  iss: 'untrusted-issuer',
};

function toAuthenticationError(err: unknown): AuthenticationError {
  if (err instanceof AuthenticationError) return err;
  if (err instanceof errors.JWTClaimValidationFailed && err.code === errors.JWTClaimValidationFailed.code) {
    const reason = err.reason === 'missing' ? 'missing-claim' : (REASON_BY_CLAIM[err.claim] ?? 'invalid-claim');
    return new AuthenticationError(reason, { cause: err });
  }
  if (err instanceof errors.JOSEError) {
    return new AuthenticationError(REASON_BY_CODE[err.code] ?? 'malformed', { cause: err });
  }
  return new AuthenticationError('malformed', { cause: err });
}

import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthConfigError, AuthenticationError, type AuthFailureReason } from './auth.errors.js';
import { SUPPORTED_ALGORITHMS, type Principal, type TrustedIssuer } from './auth.types.js';
import { compileClaimsMapping, type ClaimsMapper } from './claims-mapping.js';
import type { DiscoveredIssuer, OpenIdConfiguration } from './discovery.js';
import { createIssuerKeySource, type KeySourceOptions } from './issuer-key-source.js';
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
  /** Unknown `kid`: refetch a remote JWKS at most this often (jose's cooldown; default 30 s). */
  jwksUriCooldownMs?: number;
  jwksUriTimeoutMs?: number;
  /** A remote JWKS is fetched again after this long, so keys an IdP removed stop verifying (default 10 min). */
  jwksCacheMaxAgeMs?: number;
  /** A discovered OpenID configuration is fetched again after this long (default 24 h). */
  discoveryMaxAgeMs?: number;
  /** After a failed discovery fetch, the next attempt waits this long (default 5 s). */
  discoveryRetryAfterMs?: number;
  /** Production: discovered jwks_uri values must be https. */
  requireHttps?: boolean;
  /** Operator-facing warnings (discovery failures); never token contents. */
  log?: (message: string) => void;
}

interface IssuerEntry {
  config: TrustedIssuer;
  algorithms: string[];
  keys: JWTVerifyGetKey;
  audience: string | string[];
  claims: ClaimsMapper;
  discovery?: DiscoveredIssuer;
}

// Real IdP tokens are well under 2 KB; the cap keeps hostile input away from the decoders.
const MAX_TOKEN_LENGTH = 8192;

export class TokenVerifier {
  private readonly issuers = new Map<string, IssuerEntry>();
  private readonly cache: VerifiedTokenCache;
  private readonly now: () => number;
  private readonly skewSec: number;
  private readonly cacheMaxAgeMs: number;
  private readonly keyOpts: KeySourceOptions;

  constructor(issuers: readonly TrustedIssuer[], private readonly opts: TokenVerifierOptions) {
    this.now = opts.now ?? Date.now;
    this.skewSec = opts.clockSkewSec ?? 30;
    this.cacheMaxAgeMs = opts.cacheMaxAgeMs ?? 5 * 60_000;
    this.cache = new VerifiedTokenCache(opts.cacheSize ?? 10_000);
    this.keyOpts = {
      now: this.now,
      fileReloadIntervalMs: opts.jwksFileReloadIntervalMs ?? 1000,
      uriCooldownMs: opts.jwksUriCooldownMs ?? 30_000,
      uriTimeoutMs: opts.jwksUriTimeoutMs ?? 5000,
      uriCacheMaxAgeMs: opts.jwksCacheMaxAgeMs ?? 10 * 60_000,
      discoveryMaxAgeMs: opts.discoveryMaxAgeMs ?? 24 * 3600_000,
      discoveryRetryAfterMs: opts.discoveryRetryAfterMs ?? 5000,
      requireHttps: opts.requireHttps ?? false,
      ...(opts.log ? { log: opts.log } : {}),
    };
    for (const config of issuers) this.trust(config);
  }

  /**
   * Adds an issuer. At construction for configured issuers; later only for the development IdPs,
   * whose issuer URL is known once the service listens (see dev/idp).
   */
  trust(config: TrustedIssuer): void {
    if (this.issuers.has(config.issuer)) throw new AuthConfigError(`duplicate issuer ${config.issuer}`);
    const algorithms = [...config.algorithms];
    const unsupported = algorithms.filter((a) => !(SUPPORTED_ALGORITHMS as readonly string[]).includes(a));
    if (algorithms.length === 0 || unsupported.length > 0) {
      throw new AuthConfigError(`issuer ${config.issuer}: algorithms must be a non-empty subset of ${SUPPORTED_ALGORITHMS.join(', ')}`);
    }
    const source = createIssuerKeySource(config, this.keyOpts);
    const audience = config.audience === undefined ? this.opts.audience : typeof config.audience === 'string' ? config.audience : [...config.audience];
    this.issuers.set(config.issuer, {
      config,
      algorithms,
      keys: source.keys,
      audience,
      claims: compileClaimsMapping(config.claims, `issuer ${config.issuer}`),
      ...(source.discovery ? { discovery: source.discovery } : {}),
    });
  }

  /** How many issuers are trusted: issuers are only ever added, so this changes whenever the list does. */
  get trustedCount(): number {
    return this.issuers.size;
  }

  /** The trusted issuers, in the order they were configured. */
  trusted(): TrustedIssuer[] {
    return [...this.issuers.values()].map((e) => e.config);
  }

  /**
   * The OpenID configuration of a discovery issuer: the cached one at once, else fetched within
   * `waitMs`; undefined when the issuer has none (static keys) or it cannot be had in time.
   */
  async openIdConfiguration(issuer: string, waitMs: number): Promise<OpenIdConfiguration | undefined> {
    const discovery = this.issuers.get(issuer)?.discovery;
    if (discovery === undefined) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
    try {
      return await Promise.race([discovery.metadata().catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
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
        audience: entry.audience,
        algorithms: entry.algorithms,
        clockTolerance: this.skewSec,
        currentDate: new Date(now),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      throw toAuthenticationError(err);
    }
    return { principal: toPrincipal(payload, entry), notBefore: (payload.nbf ?? 0) * 1000 };
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

function toPrincipal(payload: JWTPayload, entry: IssuerEntry): Principal {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new AuthenticationError('invalid-claim');
  // The mapping enforces the core cross-border rule: an IdP only vouches for its own country's officers.
  const mapped = entry.claims.map(payload, entry.config.country);
  return {
    subject: mapped.subject,
    country: entry.config.country,
    issuer: entry.config.issuer,
    scopes: mapped.scopes,
    expiresAt: (payload.exp as number) * 1000,
    ...(mapped.name !== undefined ? { name: mapped.name } : {}),
    ...(mapped.roles.length > 0 ? { roles: mapped.roles } : {}),
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

import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** The part of an OpenID Provider's configuration (OIDC Discovery 1.0 §3) Liaison uses. */
export interface OpenIdConfiguration {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  end_session_endpoint?: string;
  revocation_endpoint?: string;
  code_challenge_methods_supported?: string[];
}

export const WELL_KNOWN = '/.well-known/openid-configuration';

/** The discovery URL of an issuer (OIDC Discovery §4: the issuer with the well-known suffix appended). */
export function discoveryUrlFor(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}${WELL_KNOWN}`;
}

/** The issuer a discovery URL implies, or undefined when it does not end in the well-known suffix. */
export function issuerFromDiscoveryUrl(url: string): string | undefined {
  return url.endsWith(WELL_KNOWN) ? url.slice(0, -WELL_KNOWN.length) : undefined;
}

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
}

export interface DiscoveryOptions {
  now: () => number;
  /** Refuse http: jwks_uri (production). The discovery URL itself is checked with the configuration. */
  requireHttps: boolean;
  timeoutMs: number;
  /** How long a fetched configuration is used before it is fetched again (the old one stays on failure). */
  maxAgeMs: number;
  /** After a failed fetch, no new attempt before this many ms (bounds load from tokens naming the issuer). */
  retryAfterMs: number;
  /** jose's createRemoteJWKSet: refetch on an unknown `kid` at most once per cooldown; keys cached at most cacheMaxAge. */
  jwksCooldownMs: number;
  jwksCacheMaxAgeMs: number;
  log?: (message: string) => void;
}

const CONFIG_FIELDS = ['authorization_endpoint', 'token_endpoint', 'end_session_endpoint', 'revocation_endpoint'] as const;

/**
 * One issuer configured by discovery: its OpenID configuration is fetched lazily (the first token, or
 * the dashboard asking for sign-in options), checked (issuer identical to the configured one, RFC 8414
 * §3.3 / OIDC Discovery §4.3; https in production), then its `jwks_uri` is handed to jose's remote key
 * set, which refetches on an unknown `kid` with a cooldown and drops keys the provider stopped
 * publishing once its cache ages out.
 */
export class DiscoveredIssuer {
  private config: OpenIdConfiguration | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private lastError: Error | undefined;
  private pending: Promise<OpenIdConfiguration> | undefined;
  private remote: { uri: string; keys: JWTVerifyGetKey } | undefined;

  constructor(
    readonly issuer: string,
    readonly discoveryUrl: string,
    private readonly opts: DiscoveryOptions,
  ) {}

  /** The last configuration fetched, without waiting. */
  get current(): OpenIdConfiguration | undefined {
    return this.config;
  }

  /** The configuration, fetched when missing or older than maxAgeMs (an old one is kept if refetching fails). */
  async metadata(): Promise<OpenIdConfiguration> {
    const now = this.opts.now();
    const stale = now - this.fetchedAt >= this.opts.maxAgeMs;
    if (this.config !== undefined && !stale) return this.config;
    if (this.pending === undefined) {
      if (now - this.failedAt < this.opts.retryAfterMs) {
        if (this.config !== undefined) return this.config;
        throw this.lastError ?? new DiscoveryError(`${this.discoveryUrl}: not reachable`);
      }
      this.pending = this.fetchConfig()
        .then((config) => {
          this.config = config;
          this.fetchedAt = this.opts.now();
          return config;
        })
        .catch((err: unknown) => {
          this.failedAt = this.opts.now();
          this.lastError = err instanceof Error ? err : new DiscoveryError(String(err));
          this.opts.log?.(`OpenID discovery failed for ${this.issuer}: ${this.lastError.message}`);
          if (this.config !== undefined) return this.config;
          throw this.lastError;
        })
        .finally(() => {
          this.pending = undefined;
        });
    }
    // A stale configuration still answers at once; the refresh runs in the background.
    if (this.config !== undefined) return this.config;
    return this.pending;
  }

  /** Key resolver for jwtVerify. */
  readonly keys: JWTVerifyGetKey = async (header, token) => {
    const { jwks_uri: uri } = await this.metadata();
    if (this.remote?.uri !== uri) {
      this.remote = {
        uri,
        keys: createRemoteJWKSet(new URL(uri), {
          cooldownDuration: this.opts.jwksCooldownMs,
          cacheMaxAge: this.opts.jwksCacheMaxAgeMs,
          timeoutDuration: this.opts.timeoutMs,
        }),
      };
    }
    return this.remote.keys(header, token);
  };

  private async fetchConfig(): Promise<OpenIdConfiguration> {
    let res: Response;
    try {
      res = await fetch(this.discoveryUrl, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (err) {
      throw new DiscoveryError(`${this.discoveryUrl}: ${(err as Error).name === 'TimeoutError' ? 'timed out' : 'not reachable'}`, { cause: err });
    }
    if (res.status !== 200) throw new DiscoveryError(`${this.discoveryUrl}: HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      throw new DiscoveryError(`${this.discoveryUrl}: not JSON`, { cause: err });
    }
    return this.check(body);
  }

  private check(body: unknown): OpenIdConfiguration {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DiscoveryError(`${this.discoveryUrl}: not a JSON object`);
    const doc = body as Record<string, unknown>;
    // A configuration naming another issuer is refused outright: whoever serves it must not pick our trust.
    if (doc.issuer !== this.issuer) {
      throw new DiscoveryError(`${this.discoveryUrl}: issuer is ${JSON.stringify(doc.issuer)}, configured ${JSON.stringify(this.issuer)}`);
    }
    const jwksUri = this.url(doc.jwks_uri, 'jwks_uri');
    if (jwksUri === undefined) throw new DiscoveryError(`${this.discoveryUrl}: no jwks_uri`);
    const config: OpenIdConfiguration = { issuer: this.issuer, jwks_uri: jwksUri };
    for (const field of CONFIG_FIELDS) {
      const value = this.url(doc[field], field);
      if (value !== undefined) config[field] = value;
    }
    const methods = doc.code_challenge_methods_supported;
    if (Array.isArray(methods) && methods.every((m) => typeof m === 'string')) config.code_challenge_methods_supported = methods as string[];
    return config;
  }

  private url(value: unknown, field: string): string | undefined {
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      throw new DiscoveryError(`${this.discoveryUrl}: ${field} is not a URL`);
    }
    if (url.protocol !== 'https:' && (this.opts.requireHttps || url.protocol !== 'http:')) {
      throw new DiscoveryError(`${this.discoveryUrl}: ${field} must use https`);
    }
    return url.href;
  }
}

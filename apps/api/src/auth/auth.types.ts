import type { JSONWebKeySet } from 'jose';
import type { Role } from './scopes.js';

/** Algorithms an issuer may be pinned to. HS* is deliberately absent (RFC 8725 §3.1, §3.2). */
export const SUPPORTED_ALGORITHMS = ['ES256', 'EdDSA', 'RS256'] as const;
export type SupportedAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

export type PublicJwks = JSONWebKeySet;

/** A claim's path in the token payload, e.g. `realm_access.roles` as `['realm_access', 'roles']`. */
export type ClaimPath = readonly string[];

/**
 * How one issuer's tokens become a Liaison principal (see claims-mapping.ts). Without a mapping an
 * issuer must speak Liaison's own dialect: `sub`, `country` (required) and `scope` with Liaison's
 * scope names, which is what the static issuers of ADR 4 always did.
 */
export interface ClaimsMappingConfig {
  /** Default `sub`. Entra ID: `oid` (its `sub` is pairwise per application). */
  subject?: string | ClaimPath;
  /** Default `name`. */
  name?: string | ClaimPath;
  /**
   * Where the officer's country comes from. `issuer` (the issuer vouches for one country; a `country`
   * claim, if present, must still agree) or a claim that is required and must equal the issuer's
   * country. Default `{ "claim": "country" }`.
   */
  country?: 'issuer' | { claim: string | ClaimPath; required?: boolean };
  /** Claims holding role names (strings or arrays of strings), and which IdP value means which Liaison role. */
  roles?: { claims: ReadonlyArray<string | ClaimPath>; values: Readonly<Record<string, Role | readonly Role[]>> };
  /**
   * Claims holding scopes (space-separated string, or an array except for OAuth's `scope`). Without
   * `values` the scope names are taken as they are (only Liaison's own names grant anything); with
   * `values`, each IdP scope listed maps to Liaison scopes and nothing else counts.
   * Default `{ "claims": ["scope"] }`.
   */
  scopes?: { claims: ReadonlyArray<string | ClaimPath>; values?: Readonly<Record<string, string | readonly string[]>> };
}

/** What the dashboard needs to offer "Sign in with …" for an issuer (a public OIDC client, code + PKCE). */
export interface DashboardClient {
  clientId: string;
  /** Default `openid profile`. */
  scope?: string;
  /** e.g. `login`: the development IdPs always show their identity picker. */
  prompt?: string;
  /** Extra authorization request parameters, e.g. Entra's `domain_hint`. */
  extraQueryParams?: Readonly<Record<string, string>>;
}

/**
 * One national identity provider. Exactly one key source must be set: `discoveryUrl` (the
 * provider's OpenID configuration, whose `jwks_uri` is then fetched and cached by jose), `jwksUri`,
 * `jwksFile` (re-read on rotation) or inline `jwks`.
 */
export interface TrustedIssuer {
  issuer: string;
  country: string;
  algorithms: readonly SupportedAlgorithm[];
  discoveryUrl?: string;
  jwksUri?: string;
  jwksFile?: string;
  jwks?: PublicJwks;
  /** Required `aud` for this issuer's tokens (string or any of a list); default JWT_AUDIENCE. */
  audience?: string | readonly string[];
  /** Shown on the sign-in button, e.g. "Swedish Police". */
  name?: string;
  dashboard?: DashboardClient;
  claims?: ClaimsMappingConfig;
  /** A development issuer run inside the service (never in production). */
  development?: boolean;
}

export interface Principal {
  subject: string;
  /** ISO 3166-1 alpha-2, upper case; guaranteed to equal the issuer's country. */
  country: string;
  issuer: string;
  scopes: ReadonlySet<string>;
  /** Epoch milliseconds. */
  expiresAt: number;
  name?: string;
  /** Liaison roles the issuer's claims mapped to (only present when the mapping names roles). */
  roles?: readonly Role[];
}

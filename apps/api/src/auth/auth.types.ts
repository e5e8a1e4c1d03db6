import type { JSONWebKeySet } from 'jose';

/** Algorithms an issuer may be pinned to. HS* is deliberately absent (RFC 8725 §3.1, §3.2). */
export const SUPPORTED_ALGORITHMS = ['ES256', 'EdDSA', 'RS256'] as const;
export type SupportedAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

export type PublicJwks = JSONWebKeySet;

/**
 * One national identity provider. Exactly one key source must be set:
 * `jwksUri` (fetched and cached by jose), `jwksFile` (re-read on rotation) or inline `jwks`.
 */
export interface TrustedIssuer {
  issuer: string;
  country: string;
  algorithms: readonly SupportedAlgorithm[];
  jwksUri?: string;
  jwksFile?: string;
  jwks?: PublicJwks;
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
}

import type { JWTPayload } from 'jose';
import { AuthConfigError, AuthenticationError } from './auth.errors.js';
import type { ClaimPath, ClaimsMappingConfig } from './auth.types.js';
import { ALL_SCOPES, isRole, ROLE_SCOPES, type Role } from './scopes.js';

/**
 * Per-issuer translation of a verified token's claims into Liaison's principal: who (subject, name),
 * which country, and which roles and scopes. Real IdPs carry roles in `roles` (Entra ID app roles),
 * `groups` or `realm_access.roles` (Keycloak) and scopes in `scp` or `scope`; none of them know
 * Liaison's scope strings. The mapping is compiled once from configuration, so a typo fails start-up
 * rather than the first sign-in.
 */
export interface MappedClaims {
  subject: string;
  country: string;
  name?: string;
  roles: Role[];
  scopes: Set<string>;
}

export interface ClaimsMapper {
  map(payload: JWTPayload, issuerCountry: string): MappedClaims;
}

interface Compiled {
  subject: ClaimPath;
  name: ClaimPath;
  country: { claim: ClaimPath; required: boolean };
  roles?: { claims: ClaimPath[]; values: Map<string, Role[]> };
  scopes: { claims: ClaimPath[]; values?: Map<string, string[]> };
}

const LIAISON_SCOPES = new Set<string>(ALL_SCOPES);

function toPath(value: unknown, where: string): ClaimPath {
  if (typeof value === 'string' && value.length > 0) return value.split('.');
  if (Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'string' && p.length > 0)) return value as string[];
  throw new AuthConfigError(`${where} must be a claim name, a dotted path (realm_access.roles) or an array of path segments`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Validates a mapping from configuration (JSON) and compiles it; throws AuthConfigError. */
export function compileClaimsMapping(config: ClaimsMappingConfig | undefined, where: string): ClaimsMapper {
  const raw: unknown = config ?? {};
  if (!isRecord(raw)) throw new AuthConfigError(`${where}: claims must be an object`);
  const known = new Set(['subject', 'name', 'country', 'roles', 'scopes']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw new AuthConfigError(`${where}: claims.${key} is not a known setting`);

  let country: Compiled['country'] = { claim: ['country'], required: true };
  if (raw.country === 'issuer') country = { claim: ['country'], required: false };
  else if (isRecord(raw.country)) {
    const required = raw.country.required ?? true;
    if (typeof required !== 'boolean') throw new AuthConfigError(`${where}: claims.country.required must be true or false`);
    country = { claim: toPath(raw.country.claim, `${where}: claims.country.claim`), required };
  } else if (raw.country !== undefined) throw new AuthConfigError(`${where}: claims.country must be "issuer" or { "claim": … }`);

  let roles: Compiled['roles'];
  if (raw.roles !== undefined) {
    if (!isRecord(raw.roles) || !Array.isArray(raw.roles.claims) || raw.roles.claims.length === 0 || !isRecord(raw.roles.values)) {
      throw new AuthConfigError(`${where}: claims.roles needs "claims" (a non-empty list) and "values" (IdP value → Liaison role)`);
    }
    const values = new Map<string, Role[]>();
    for (const [idpValue, mapped] of Object.entries(raw.roles.values)) {
      const list = toList(mapped);
      if (list.length === 0 || !list.every((r) => typeof r === 'string' && isRole(r))) {
        throw new AuthConfigError(`${where}: claims.roles.values.${idpValue} must name Liaison roles (officer, analyst, supervisor)`);
      }
      values.set(idpValue, list as Role[]);
    }
    roles = { claims: raw.roles.claims.map((c, i) => toPath(c, `${where}: claims.roles.claims[${i}]`)), values };
  }

  let scopes: Compiled['scopes'] = { claims: [['scope']] };
  if (raw.scopes !== undefined) {
    if (!isRecord(raw.scopes) || !Array.isArray(raw.scopes.claims) || raw.scopes.claims.length === 0) {
      throw new AuthConfigError(`${where}: claims.scopes needs "claims" (a non-empty list)`);
    }
    let values: Map<string, string[]> | undefined;
    if (raw.scopes.values !== undefined) {
      if (!isRecord(raw.scopes.values)) throw new AuthConfigError(`${where}: claims.scopes.values must be an object`);
      values = new Map();
      for (const [idpValue, mapped] of Object.entries(raw.scopes.values)) {
        const list = toList(mapped);
        if (list.length === 0 || !list.every((s) => typeof s === 'string' && LIAISON_SCOPES.has(s))) {
          throw new AuthConfigError(`${where}: claims.scopes.values.${idpValue} must name Liaison scopes (${ALL_SCOPES.join(', ')})`);
        }
        values.set(idpValue, list as string[]);
      }
    }
    scopes = { claims: raw.scopes.claims.map((c, i) => toPath(c, `${where}: claims.scopes.claims[${i}]`)), ...(values ? { values } : {}) };
  }

  const compiled: Compiled = {
    subject: raw.subject === undefined ? ['sub'] : toPath(raw.subject, `${where}: claims.subject`),
    name: raw.name === undefined ? ['name'] : toPath(raw.name, `${where}: claims.name`),
    country,
    ...(roles ? { roles } : {}),
    scopes,
  };
  return { map: (payload, issuerCountry) => applyMapping(compiled, payload, issuerCountry) };
}

function read(payload: JWTPayload, path: ClaimPath): unknown {
  let value: unknown = payload;
  for (const segment of path) {
    if (!isRecord(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/** A scope-like claim: space-separated string (RFC 8693 §4.2) or an array of strings; anything else is refused. */
function readValues(payload: JWTPayload, path: ClaimPath, splitSpaces: boolean): string[] {
  const value = read(payload, path);
  if (value === undefined) return [];
  if (typeof value === 'string') return splitSpaces ? value.split(' ').filter((s) => s.length > 0) : [value];
  // OAuth's own `scope` is a string by definition; other claims (`scp`, `roles`, `groups`) may be arrays.
  const isOAuthScope = path.length === 1 && path[0] === 'scope';
  if (!isOAuthScope && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new AuthenticationError('invalid-claim');
}

function applyMapping(m: Compiled, payload: JWTPayload, issuerCountry: string): MappedClaims {
  const subject = read(payload, m.subject);
  if (typeof subject !== 'string' || subject.length === 0) throw new AuthenticationError(subject === undefined ? 'missing-claim' : 'invalid-claim');

  // The core cross-border rule: an IdP can only vouch for its own country's officers.
  const claimed = read(payload, m.country.claim);
  if (claimed === undefined) {
    if (m.country.required) throw new AuthenticationError('missing-claim');
  } else if (claimed !== issuerCountry) {
    throw new AuthenticationError('country-mismatch');
  }

  const roles = new Set<Role>();
  if (m.roles) {
    for (const path of m.roles.claims) {
      for (const value of readValues(payload, path, false)) for (const role of m.roles.values.get(value) ?? []) roles.add(role);
    }
  }
  const scopes = new Set<string>();
  for (const role of roles) for (const scope of ROLE_SCOPES[role]) scopes.add(scope);
  for (const path of m.scopes.claims) {
    for (const value of readValues(payload, path, true)) {
      if (m.scopes.values) for (const scope of m.scopes.values.get(value) ?? []) scopes.add(scope);
      // Liaison's own names pass through; other scopes (openid, profile, …) are kept but never required.
      else scopes.add(value);
    }
  }
  const name = read(payload, m.name);
  return { subject, country: issuerCountry, roles: [...roles], scopes, ...(typeof name === 'string' ? { name } : {}) };
}

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { AuthConfigError } from './auth.errors.js';
import {
  SUPPORTED_ALGORITHMS,
  type ClaimsMappingConfig,
  type DashboardClient,
  type SupportedAlgorithm,
  type TrustedIssuer,
} from './auth.types.js';
import { compileClaimsMapping } from './claims-mapping.js';
import { issuerFromDiscoveryUrl } from './discovery.js';

export interface AuthConfig {
  audience: string;
  /**
   * The configured issuers. Empty in development mode: the development IdPs run inside the service
   * and are trusted (by discovery, like any other) once it listens and their URLs are known.
   */
  issuers: TrustedIssuer[];
  /** 'development' means the service's own development IdPs are trusted; never in production. */
  mode: 'configured' | 'development';
}

export type AuthEnv = Readonly<Record<string, string | undefined>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(entry: Record<string, unknown>, field: string, where: string): string | undefined {
  const value = entry[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new AuthConfigError(`${where}: ${field} must be a non-empty string`);
  return value;
}

function parseDashboard(raw: unknown, where: string): DashboardClient | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw new AuthConfigError(`${where}: dashboard must be an object`);
  const clientId = optionalString(raw, 'clientId', `${where}: dashboard`);
  if (clientId === undefined) throw new AuthConfigError(`${where}: dashboard.clientId is required`);
  const scope = optionalString(raw, 'scope', `${where}: dashboard`);
  const prompt = optionalString(raw, 'prompt', `${where}: dashboard`);
  const extra = raw.extraQueryParams;
  if (extra !== undefined && (!isRecord(extra) || !Object.values(extra).every((v) => typeof v === 'string'))) {
    throw new AuthConfigError(`${where}: dashboard.extraQueryParams must map names to strings`);
  }
  return {
    clientId,
    ...(scope !== undefined ? { scope } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
    ...(extra !== undefined ? { extraQueryParams: extra as Record<string, string> } : {}),
  };
}

function parseAudience(raw: unknown, where: string): string | string[] | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && raw.length > 0) return raw;
  if (Array.isArray(raw) && raw.length > 0 && raw.every((a) => typeof a === 'string' && a.length > 0)) return raw as string[];
  throw new AuthConfigError(`${where}: audience must be a non-empty string or list of strings`);
}

function parseIssuer(raw: unknown, index: number, baseDir: string, production: boolean): TrustedIssuer {
  const where = `trusted issuer #${index}`;
  if (!isRecord(raw)) throw new AuthConfigError(`${where}: must be an object`);
  const discoveryUrl = optionalString(raw, 'discoveryUrl', where);
  // With discovery the issuer may be left out: it is the discovery URL without the well-known suffix.
  const issuer = optionalString(raw, 'issuer', where) ?? (discoveryUrl !== undefined ? issuerFromDiscoveryUrl(discoveryUrl) : undefined);
  if (issuer === undefined) throw new AuthConfigError(`${where}: issuer is required`);
  const country = optionalString(raw, 'country', where);
  if (country === undefined || !/^[A-Z]{2}$/.test(country)) {
    throw new AuthConfigError(`${where}: country must be an upper-case ISO 3166-1 alpha-2 code`);
  }
  const { algorithms } = raw;
  if (
    !Array.isArray(algorithms) ||
    algorithms.length === 0 ||
    !algorithms.every((a) => (SUPPORTED_ALGORITHMS as readonly unknown[]).includes(a))
  ) {
    throw new AuthConfigError(`${where}: algorithms must be a non-empty subset of ${SUPPORTED_ALGORITHMS.join(', ')}`);
  }
  const jwksUri = optionalString(raw, 'jwksUri', where);
  const jwksFile = optionalString(raw, 'jwksFile', where);
  if ([discoveryUrl, jwksUri, jwksFile].filter((s) => s !== undefined).length !== 1) {
    throw new AuthConfigError(`${where}: set exactly one of discoveryUrl, jwksUri, jwksFile`);
  }
  for (const [field, url] of [['discoveryUrl', discoveryUrl], ['jwksUri', jwksUri]] as const) {
    if (url === undefined) continue;
    if (!URL.canParse(url)) throw new AuthConfigError(`${where}: ${field} is not a URL`);
    if (production && !url.startsWith('https://')) throw new AuthConfigError(`${where}: ${field} must use https in production`);
  }
  if (discoveryUrl !== undefined && production && !issuer.startsWith('https://')) {
    throw new AuthConfigError(`${where}: issuer must use https in production`);
  }
  const audience = parseAudience(raw.audience, where);
  const name = optionalString(raw, 'name', where);
  const dashboard = parseDashboard(raw.dashboard, where);
  if (dashboard !== undefined && discoveryUrl === undefined) {
    throw new AuthConfigError(`${where}: dashboard sign-in needs discoveryUrl (the dashboard finds the IdP's endpoints through it)`);
  }
  const claims = raw.claims as ClaimsMappingConfig | undefined;
  // Compiled here only to fail start-up on a bad mapping; the verifier compiles its own.
  compileClaimsMapping(claims, where);
  return {
    issuer,
    country,
    algorithms: algorithms as SupportedAlgorithm[],
    ...(discoveryUrl !== undefined ? { discoveryUrl } : {}),
    ...(jwksUri !== undefined ? { jwksUri } : {}),
    ...(jwksFile !== undefined ? { jwksFile: isAbsolute(jwksFile) ? jwksFile : resolve(baseDir, jwksFile) } : {}),
    ...(audience !== undefined ? { audience } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(dashboard !== undefined ? { dashboard } : {}),
    ...(claims !== undefined ? { claims } : {}),
  };
}

function parseIssuers(json: string, source: string, baseDir: string, production: boolean): TrustedIssuer[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new AuthConfigError(`${source} is not valid JSON`, { cause: err });
  }
  // An explicit but empty list is a mistake, not a request for dev mode.
  if (!Array.isArray(raw) || raw.length === 0) throw new AuthConfigError(`${source} must be a non-empty JSON array`);
  const issuers = raw.map((entry, i) => parseIssuer(entry, i, baseDir, production));
  const seen = new Set<string>();
  for (const { issuer } of issuers) {
    if (seen.has(issuer)) throw new AuthConfigError(`${source}: duplicate issuer ${issuer}`);
    seen.add(issuer);
  }
  return issuers;
}

/**
 * Reads TRUSTED_ISSUERS (inline JSON) or TRUSTED_ISSUERS_FILE. With neither, falls back to
 * development mode (the service's own development IdPs, dev/idp), except under NODE_ENV=production,
 * where it refuses.
 */
export async function loadAuthConfig(env: AuthEnv = process.env): Promise<AuthConfig> {
  const audience = env.JWT_AUDIENCE || 'liaison';
  const production = env.NODE_ENV === 'production';
  const inline = env.TRUSTED_ISSUERS?.trim() || undefined;
  const file = env.TRUSTED_ISSUERS_FILE?.trim() || undefined;
  if (inline !== undefined && file !== undefined) {
    throw new AuthConfigError('set only one of TRUSTED_ISSUERS and TRUSTED_ISSUERS_FILE');
  }
  if (inline !== undefined) {
    return { audience, mode: 'configured', issuers: parseIssuers(inline, 'TRUSTED_ISSUERS', process.cwd(), production) };
  }
  if (file !== undefined) {
    let json: string;
    try {
      json = await readFile(file, 'utf8');
    } catch (err) {
      throw new AuthConfigError(`cannot read TRUSTED_ISSUERS_FILE ${file}`, { cause: err });
    }
    // Relative jwksFile paths are relative to the config file, so the pair can move together.
    const issuers = parseIssuers(json, 'TRUSTED_ISSUERS_FILE', dirname(resolve(file)), production);
    return { audience, mode: 'configured', issuers };
  }
  if (production) {
    throw new AuthConfigError(
      'No trusted identity providers configured: set TRUSTED_ISSUERS or TRUSTED_ISSUERS_FILE. ' +
        'Development mode (the built-in development IdPs) is disabled when NODE_ENV=production.',
    );
  }
  return { audience, mode: 'development', issuers: [] };
}

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { AuthConfigError } from './auth.errors.js';
import { SUPPORTED_ALGORITHMS, type SupportedAlgorithm, type TrustedIssuer } from './auth.types.js';
import { ensureDevIdentityProviders } from './dev-identity-provider.js';

export interface AuthConfig {
  audience: string;
  issuers: TrustedIssuer[];
  /** 'development' means self-signed dev issuers are trusted; never in production. */
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

function parseIssuer(raw: unknown, index: number, baseDir: string, production: boolean): TrustedIssuer {
  const where = `trusted issuer #${index}`;
  if (!isRecord(raw)) throw new AuthConfigError(`${where}: must be an object`);
  const issuer = optionalString(raw, 'issuer', where);
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
  if ((jwksUri === undefined) === (jwksFile === undefined)) {
    throw new AuthConfigError(`${where}: set exactly one of jwksUri, jwksFile`);
  }
  if (jwksUri !== undefined && production && !jwksUri.startsWith('https://')) {
    throw new AuthConfigError(`${where}: jwksUri must use https in production`);
  }
  return {
    issuer,
    country,
    algorithms: algorithms as SupportedAlgorithm[],
    ...(jwksUri !== undefined ? { jwksUri } : {}),
    ...(jwksFile !== undefined ? { jwksFile: isAbsolute(jwksFile) ? jwksFile : resolve(baseDir, jwksFile) } : {}),
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
 * development mode with local dev IdPs, except under NODE_ENV=production, where it refuses.
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
        'Development mode (self-signed dev IdPs) is disabled when NODE_ENV=production.',
    );
  }
  const issuers = await ensureDevIdentityProviders(env.DATA_DIR || './data');
  return { audience, mode: 'development', issuers };
}

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Role } from '../auth/scopes.js';
import { DEV_COUNTRIES, isDevCountry, type DevCountry } from './idp/dev-idp.accounts.js';
import { devIdpBaseUrlFile } from './idp/dev-idp.keys.js';
import { CLI_CLIENT_ID, DEV_GRANT } from './idp/dev-idp.provider.js';

export { DEV_COUNTRIES, isDevCountry, type DevCountry };

/**
 * Tokens for scripts and specs, issued by the running service's development IdP through its
 * development grant (dev-idp.provider.ts), so they are exactly the tokens a sign-in gets: same
 * issuer, keys and claims, verified by the API through discovery. Nothing here signs anything.
 */
export interface MintDevTokenInput {
  country: DevCountry;
  role: Role;
  sub: string;
  /** Seconds or `<n>s|m|h|d`; default 8h. */
  ttl?: string | number;
  name?: string;
  /** The service's base URL; default: the one the service running on `dataDir` wrote at start-up. */
  baseUrl?: string;
  dataDir?: string;
}

/** Accepts seconds or `<n>s|m|h|d`, e.g. `8h`. */
export function parseTtl(ttl: string | number): number {
  if (typeof ttl === 'number') {
    if (Number.isInteger(ttl) && ttl > 0) return ttl;
  } else {
    const match = /^(\d+)([smhd]?)$/.exec(ttl.trim());
    const seconds = match === null ? 0 : Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
    if (seconds > 0) return seconds;
  }
  throw new RangeError(`invalid ttl: ${String(ttl)} (use seconds or e.g. 30m, 8h)`);
}

export class DevIdpUnavailable extends Error {
  override readonly name = 'DevIdpUnavailable';
}

async function baseUrlOf(input: Pick<MintDevTokenInput, 'baseUrl' | 'dataDir'>): Promise<string> {
  if (input.baseUrl !== undefined) return input.baseUrl.replace(/\/+$/, '');
  const file = devIdpBaseUrlFile(input.dataDir ?? './data');
  // The service writes the file a moment after it starts listening: give a just-started one 5 s.
  let text: string | undefined;
  for (let waited = 0; text === undefined && waited <= 5000; waited += 50) {
    text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  if (text === undefined) throw new DevIdpUnavailable(`No development IdP found for ${input.dataDir ?? './data'}: start the service first (npm start or npm run demo).`);
  return text.trim();
}

/** The development issuer of a country, as the service running on `dataDir` names it. */
export function devIssuerUrl(dataDir: string, country: DevCountry): string {
  return `${readFileSync(devIdpBaseUrlFile(dataDir), 'utf8').trim()}/dev/idp/${country.toLowerCase()}`;
}

export async function mintDevToken(input: MintDevTokenInput): Promise<string> {
  const base = await baseUrlOf(input);
  const form = new URLSearchParams({
    grant_type: DEV_GRANT,
    client_id: CLI_CLIENT_ID,
    subject: input.sub,
    role: input.role,
    ttl: String(parseTtl(input.ttl ?? '8h')),
    ...(input.name !== undefined ? { name: input.name } : {}),
  });
  let res: Response;
  try {
    res = await fetch(`${base}/dev/idp/${input.country.toLowerCase()}/token`, { method: 'POST', body: form, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new DevIdpUnavailable(`The development IdP at ${base} does not answer (${(err as Error).message}); is the service running?`, { cause: err });
  }
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; error?: string; error_description?: string };
  if (!res.ok || typeof body.access_token !== 'string') {
    throw new DevIdpUnavailable(`The development IdP refused the token: ${body.error_description ?? body.error ?? `HTTP ${res.status}`}`);
  }
  return body.access_token;
}

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEV_COUNTRIES, isDevCountry, mintDevToken } from '../dev/dev-token.client.js';
import { isRole, ROLES } from '../auth/scopes.js';

const USAGE = `Usage: npm run token -- --country <${DEV_COUNTRIES.join('|')}> --role <${ROLES.join('|')}> --sub <subject> [--ttl 8h] [--name "Full Name"] [--url http://127.0.0.1:3000]
Prints an access token issued by the running service's development IdP of that country (/dev/idp/<cc>, its
development grant); the service is found through \${DATA_DIR:-./data}/dev-idp/base-url, or --url.`;

export class TokenCliUsageError extends Error {
  override readonly name = 'TokenCliUsageError';
}

/** Returns a signed dev token; exported so tests can run the CLI without a subprocess. */
export async function runTokenCli(argv: string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  if (env.NODE_ENV === 'production') {
    throw new TokenCliUsageError('dev tokens are not available when NODE_ENV=production');
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      country: { type: 'string' },
      role: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string' },
    },
    strict: true,
  });
  const country = values.country?.toUpperCase();
  if (country === undefined || !isDevCountry(country)) throw new TokenCliUsageError(`--country is required\n${USAGE}`);
  if (values.role === undefined || !isRole(values.role)) throw new TokenCliUsageError(`--role is required\n${USAGE}`);
  if (values.sub === undefined || values.sub.length === 0) throw new TokenCliUsageError(`--sub is required\n${USAGE}`);
  return mintDevToken({
    country,
    role: values.role,
    sub: values.sub,
    ttl: values.ttl ?? '8h',
    ...(values.name !== undefined ? { name: values.name } : {}),
    dataDir: env.DATA_DIR || './data',
    ...(values.url !== undefined ? { baseUrl: values.url } : {}),
  });
}

function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  runTokenCli(process.argv.slice(2)).then(
    (token) => process.stdout.write(`${token}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { productionStart } from '../support/production-start.js';
import path from 'node:path';

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${seen.slice(-2000)}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** The real built service on the embedded store, in its own process like production. */
export async function startService(
  dataDir: string, port: number, extraNodeArgs: string[] = (process.env.SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean), env: Record<string, string> = {},
): Promise<Running> {
  const main = path.resolve('dist/apps/api/src/main.js');
  if (!existsSync(main)) throw new Error('dist/ is missing: run `npm run build` first');
  const prod = productionStart();
  const child = spawn(process.execPath, [...prod.nodeFlags, ...extraNodeArgs, main], {
    env: { ...process.env, ...prod.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const m = await waitForLine(child, /Liaison is running: (http:\/\/[^\s/]+)/, 30_000);
  return { url: m[1].replace('localhost', '127.0.0.1'), child, stop: stopper(child) };
}

/** Waits until /ready reports every read model at the log's head; returns that head. */
export async function caughtUp(url: string, timeoutMs: number): Promise<bigint> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${url}/ready`)).json()) as { details?: { projections?: { position?: string; head?: string } } };
    const p = body.details?.projections;
    if (p?.position !== undefined && p.head !== undefined && BigInt(p.position) >= BigInt(p.head)) return BigInt(p.head);
    if (Date.now() > deadline) throw new Error(`read models did not catch up within ${timeoutMs} ms: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * bench/api/framework-floor.server.ts: NestJS + Fastify + the service's validation pipe and DTO and
 * nothing else, started as production starts the service; tsx loads it (it imports the DTO from dist/).
 */
export async function startFrameworkFloor(): Promise<Running> {
  const script = path.resolve('bench/api/framework-floor.server.ts');
  const prod = productionStart();
  const child = spawn(process.execPath, [...prod.nodeFlags, '--import', 'tsx', script], { env: { ...process.env, ...prod.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const m = await waitForLine(child, /framework floor on (http:\/\/\S+)/, 30_000);
  return { url: m[1], child, stop: stopper(child) };
}

/** ../shared/reference/append-server.mjs: the frameworkless ceiling, same machine, same run. */
export async function startReference(port: number, tokenFile: string): Promise<Running & { token: string }> {
  const script = path.resolve(process.env.REFERENCE_SERVER ?? '../shared/reference/append-server.mjs');
  if (!existsSync(script)) throw new Error(`reference server not found at ${script} (set REFERENCE_SERVER)`);
  const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: String(port), TOKEN_FILE: tokenFile, ALG: 'ES256', COMMIT: 'group' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(child, /reference append server on/, 30_000);
  return { url: `http://127.0.0.1:${port}`, child, stop: stopper(child), token: readFileSync(tokenFile, 'utf8').trim() };
}

/** `count` Swedish officers' development tokens (bench-se-0 …), from the service's development IdP key in `dataDir`. */
export function officerTokens(dataDir: string, count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, (_, k) => mintDevToken({ country: 'SE', role: 'officer', sub: `bench-se-${k}`, dataDir })));
}

/** The token a bench starts the service with (env METRICS_TOKEN) to read its /metrics. */
export const METRICS_TOKEN = 'bench-metrics-token-0123456789';

/** The service's /metrics text, read with METRICS_TOKEN. */
export async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
}

/** One sample's value from /metrics text; `name` includes its labels as written there, e.g. `x_total{outcome="hit"}`. */
export function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? Number.NaN : Number(line.slice(name.length + 1));
}

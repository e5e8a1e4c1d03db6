import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const MAIN_JS = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/** The built service running as a real child process (`node dist/apps/api/src/main.js`). */
export interface LiaisonProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the child wrote to stdout and stderr so far. */
  logs(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves with how it ended. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const RUNNING = /Liaison is running: (http:\/\/\S+?)\/?\s/;

/** Starts the built service with PORT=0 in `dataDir` and waits for its "Liaison is running" line. */
export async function startLiaison(dataDir: string, extraEnv: Record<string, string> = {}, timeoutMs = 20_000): Promise<LiaisonProcess> {
  if (!existsSync(MAIN_JS)) {
    throw new Error(`${MAIN_JS} is missing: build first with \`npm run build\` (\`npm test\` builds before running jest).`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Jest's --experimental-vm-modules is not for the child; nor are inherited settings that would leave
  // dev mode or pick a store. Only the inherited ones: a spec that passes EVENT_STORE in `extraEnv`
  // means it (removing it after merging silently ran the esdb e2e on the embedded store).
  for (const name of ['NODE_OPTIONS', 'NODE_ENV', 'TRUSTED_ISSUERS', 'TRUSTED_ISSUERS_FILE', 'EVENT_STORE', 'ESDB_CONNECTION_STRING']) {
    delete env[name];
  }
  Object.assign(env, { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...extraEnv });
  const child = spawn(process.execPath, [MAIN_JS], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })));

  const started = Date.now();
  let match: RegExpExecArray | null;
  while ((match = RUNNING.exec(out)) === null) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`liaison exited before listening (code ${child.exitCode}, signal ${child.signalCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`liaison did not print "Liaison is running: <url>" within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const baseUrl = match[1];

  const stop = async (graceMs = 5000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    }
    return exited;
  };
  return { baseUrl, child, logs: () => out, stop };
}

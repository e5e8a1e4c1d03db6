import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const WEB_INDEX = path.join(ROOT, 'apps/web/dist/index.html');

export interface RunningService {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** The built service as a person runs it: `node dist/apps/api/src/main.js`, fresh DATA_DIR, PORT=0. */
export async function startService(env: Record<string, string> = {}, dataDir?: string): Promise<RunningService> {
  if (!existsSync(MAIN) || !existsSync(WEB_INDEX)) throw new Error('Build first: npm run build (needs dist/ and apps/web/dist/)');
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'liaison-browser-')));
  const { TRUSTED_ISSUERS: _a, TRUSTED_ISSUERS_FILE: _b, NODE_OPTIONS: _c, ...base } = process.env;
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env, DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in time:\n${out}`)), 20_000);
    const check = () => {
      const m = /Liaison is running: (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir: dir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

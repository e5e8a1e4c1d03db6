// A log sink that fails must never take the service down: the built service with stdout and stderr on
// /dev/full (every write fails with ENOSPC, as a log file on a full disk does) keeps serving.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { MAIN_JS, ROOT } from '../e2e/support/liaison-process.js';
import { call, pollUntil } from './support/http-calls.js';

const dataDir = mkdtempSync(join(tmpdir(), 'liaison-log-sink-'));
let child: ChildProcess | undefined;
let full: number | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  if (full !== undefined) closeSync(full);
  rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () => new Promise<number>((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as { port: number };
    srv.close(() => resolve(port));
  });
});

const maybe = existsSync('/dev/full') ? describe : describe.skip;
if (!existsSync('/dev/full')) console.warn('*** SKIPPED test/reliability/log-sink.e2e.spec.ts: no /dev/full on this system ***');

maybe('built service whose log sink is full', () => {
  it('keeps serving commands and reads while every log write fails with ENOSPC', async () => {
    if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` first`);
    const port = await freePort();
    full = openSync('/dev/full', 'w');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'verbose' };
    for (const name of ['NODE_OPTIONS', 'NODE_ENV', 'TRUSTED_ISSUERS', 'TRUSTED_ISSUERS_FILE', 'EVENT_STORE', 'ESDB_CONNECTION_STRING']) delete env[name];
    child = spawn(process.execPath, [MAIN_JS], { cwd: ROOT, env, stdio: ['ignore', full, full] });
    const base = `http://127.0.0.1:${port}`;
    await pollUntil(() => call(base, 'GET', '/health').catch(() => ({ status: 0, body: {}, text: '', retryAfter: null })), (a) => a.status === 200, 20_000);
    const se = await mintDevToken({ country: 'SE', role: 'officer', sub: 'log-sink-se', dataDir });
    for (let i = 0; i < 20; i++) {
      const opened = await call(base, 'POST', '/api/v1/cases', se, { title: `Log sink ${i} (fictional)`, offenceCategory: 'conspiracy to murder', handlingCode: 'H0' });
      expect(opened.status).toBe(201);
      expect((await call(base, 'GET', '/api/v1/cases', se, undefined, { 'x-purpose': 'Log sink check' })).status).toBe(200);
    }
    expect(child.exitCode).toBeNull();
    expect((await call(base, 'GET', '/health')).status).toBe(200);
  }, 60_000);
});

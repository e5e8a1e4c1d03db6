// `npm run projections -- status` beside the built service: every read model's file and what the running
// service says about it (GET /ready), the same facts /ready reports; and the files alone once it is gone.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { ROOT, startLiaison, type LiaisonProcess } from '../e2e/support/liaison-process.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'liaison-status-'));
let liaison: LiaisonProcess | undefined;
afterAll(async () => {
  await liaison?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function status(url: string): Promise<string> {
  const env = { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, LIAISON_URL: url };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/projections.cli.ts', 'status'], { cwd: ROOT, env });
  return stdout;
}

describe('npm run projections -- status', () => {
  it('shows each read model as the running service reports it, and the files alone without one', async () => {
    liaison = await startLiaison(dataDir);
    const ready = (await (await fetch(`${liaison.baseUrl}/ready`)).json()) as { status: string };
    const live = await status(liaison.baseUrl);
    for (const p of ALL_PROJECTIONS) expect(live).toMatch(new RegExp(`${p.name}.*running`));
    expect(live).toContain(`service at ${liaison.baseUrl}: ${ready.status === 'ok' ? 'ready' : 'NOT READY'}`);
    const url = liaison.baseUrl;
    await liaison.stop();
    liaison = undefined;
    const gone = await status(url);
    expect(gone).toMatch(/cases.*service not reachable/);
    expect(gone).toContain('not reachable (set LIAISON_URL or PORT)');
  }, 60_000);
});

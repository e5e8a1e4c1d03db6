// A projection thread that dies is shown as down and started again with backoff; its successor's first
// report clears it.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerInit } from './projection-worker.protocol.js';
import { ProjectionWorkerHandle } from './projection-worker.handle.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-worker-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Stands in for projection-worker.entry: reports progress, and on its first run dies as an uncaught error would.
const entry = join(dir, 'dying-worker.mjs');
writeFileSync(entry, `
import { appendFileSync, readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
appendFileSync(workerData.dir + '/runs', 'x');
const run = readFileSync(workerData.dir + '/runs', 'utf8').length;
parentPort.postMessage({ type: 'progress', checkpoints: { cases: '7' }, files: {}, errors: {}, stalled: {}, readFault: null, rebuilding: {}, versions: { cases: 1 }, caughtUpAt: Date.now() });
if (run === 1) setTimeout(() => { throw new Error('projection bug'); }, 50);
else parentPort.on('message', (m) => { if (m.type === 'stop') parentPort.postMessage({ type: 'stopped' }); });
`);

describe('ProjectionWorkerHandle', () => {
  it('restarts a thread that died, reporting it as down meanwhile', async () => {
    const failures: Error[] = [];
    const init = { dir, projections: ['cases'] } as unknown as WorkerInit;
    const handle = new ProjectionWorkerHandle(pathToFileURL(entry), init, () => undefined, (e) => failures.push(e));
    await handle.start();
    const deadline = Date.now() + 5000;
    while (!handle.down && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(handle.down).toMatch(/exited/);
    expect(failures.map((e) => e.message)).toEqual(['projection bug']);
    while (handle.down && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(handle.down).toBeUndefined();
    expect(readFileSync(join(dir, 'runs'), 'utf8')).toBe('xx');
    await handle.stop();
  });
});

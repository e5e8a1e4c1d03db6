// Crash safety: rows and checkpoint commit together, so after a crash (an evolve that throws half-way
// through a page, or SIGKILL of a process applying a large backlog) a restart resumes from the
// checkpoint and ends with exactly the rows of a rebuild from scratch.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { Projection } from '../runner/projection.js';
import { ProjectionInstance } from '../runner/projection-instance.js';
import { ALL_PROJECTIONS } from './all-projections.js';
import { generateWorkload } from '../testing/workload.js';
import { generateRequestWorkload } from '../testing/information-request-workload.js';
import { isInformationRequestEvent } from './shared/information-request-clock.js';
import { readModelChecksum } from '../testing/read-model-checksum.js';
import {
  activeCheckpoint, activeFileState, appendAll, applyInPages, readEverything, rebuiltChecksum, runUntil, tempStore,
} from '../testing/projection-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('projection crash', () => {
  const caseLog = generateWorkload({ cases: 150, seed: 21 });
  // Read models of information requests crash on requests (mixed with cases, for those that merge both).
  const requestLog = generateRequestWorkload({ requests: 300, cases: 60, seed: 21 });

  it.each(ALL_PROJECTIONS.map((p) => [p.name, p] as const))('%s: an evolve that dies half-way through a page leaves the last committed page; a restart converges', (_, projection: Projection) => {
    const log = projection.canHandle.some(isInformationRequestEvent) ? requestLog : caseLog;
    const t = tempStore('liaison-crash-');
    try {
      const file = path.join(t.dir, `${projection.name}.db`);
      const handled = log.events.filter((e) => projection.canHandle.includes(e.type));
      const victim = handled[Math.floor(handled.length * 0.6)].position;
      const crashing: Projection = {
        ...projection,
        evolve(rm, event) {
          projection.evolve(rm, event);
          if (event.position === victim) throw new Error('simulated crash');
        },
      };
      const first = new ProjectionInstance(crashing, file);
      for (let i = 0; i < log.events.length; i += 100) first.apply(log.events.slice(i, i + 100));
      expect(first.error).toMatch(/simulated crash/);
      const pageStart = Math.floor(log.events.findIndex((e) => e.position === victim) / 100) * 100;
      expect(first.checkpoint).toBe(log.events[pageStart - 1].position);
      // Nothing of the failed page is visible: the file holds exactly "all events <= checkpoint".
      expect(readModelChecksum(first.db)).toBe(rebuiltChecksum(projection, log.events.slice(0, pageStart)));
      first.close();

      const restarted = new ProjectionInstance(projection, file);
      expect(restarted.checkpoint).toBe(log.events[pageStart - 1].position);
      applyInPages(restarted, log.events, 100);
      expect(readModelChecksum(restarted.db)).toBe(rebuiltChecksum(projection, log.events));
      restarted.close();
    } finally {
      void t.cleanup();
    }
  });

  it('a runner process killed (SIGKILL) while applying a large backlog restarts and equals a rebuild', async () => {
    const t = tempStore('liaison-kill-');
    try {
      const big = generateWorkload({ cases: 2500, seed: 4 });
      const head = await appendAll(t.store, big.events);
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../testing/crash-child.ts'), t.storeFile, t.readModelDir, '300'], {
        cwd: path.resolve(here, '../../../..'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' },
      });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      // Kill once a few batches are committed: the backlog is far from done.
      const deadline = Date.now() + 20_000;
      let seen: (bigint | undefined)[] = [];
      while (Date.now() < deadline && child.exitCode === null) {
        seen = ALL_PROJECTIONS.map((p) => activeCheckpoint(t.readModelDir, p.name));
        if (seen.some((c) => c !== undefined && c >= 2000n)) break;
        await sleep(2);
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(stderr).toBe('');
      const atKill = ALL_PROJECTIONS.map((p) => activeCheckpoint(t.readModelDir, p.name) ?? -1n);
      expect(atKill.some((c) => c < head)).toBe(true);

      await runUntil(t.store, t.readModelDir, ALL_PROJECTIONS, head);
      const all = await readEverything(t.store);
      for (const p of ALL_PROJECTIONS) {
        const state = activeFileState(t.readModelDir, p.name);
        expect([p.name, state.checkpoint]).toEqual([p.name, head]);
        expect([p.name, state.checksum]).toEqual([p.name, rebuiltChecksum(p, all)]);
      }
    } finally {
      await t.cleanup();
    }
  });
});

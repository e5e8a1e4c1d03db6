// The properties every projection must have, as a reusable block of specs:
// - idempotency: re-applying any suffix of the log (checkpoint lost, page re-read) changes nothing;
// - rebuild equality: built incrementally in small pages with runner restarts == built from scratch.
import { describe, expect, it } from '@jest/globals';
import type { Projection } from '../runner/projection.js';
import type { EventLog } from './event-fixtures.js';
import { generateWorkload } from './workload.js';
import { readModelChecksum, readModelRowCounts } from './read-model-checksum.js';
import {
  activeFileState, appendAll, applyInPages, memoryInstance, readEverything, rebuiltChecksum, rewind, runUntil, tempStore,
} from './projection-harness.js';

/** `workload`: a log that gives every table of the projection rows (default: the case workload). */
export function describeProjectionContract(projection: Projection, workload?: () => EventLog): void {
  describe(`${projection.name}: projection contract`, () => {
    const log = workload ? workload() : generateWorkload({ cases: 120, seed: 7 });

    it('builds a non-trivial model from the workload (every table gets rows)', () => {
      const instance = memoryInstance(projection);
      applyInPages(instance, log.events);
      const counts = readModelRowCounts(instance.db);
      instance.close();
      for (const [table, n] of Object.entries(counts)) expect([table, n > 0]).toEqual([table, true]);
    });

    it('is idempotent: re-applying a suffix after losing the checkpoint gives the same rows', () => {
      const reference = rebuiltChecksum(projection, log.events);
      const instance = memoryInstance(projection);
      applyInPages(instance, log.events, 97);
      expect(readModelChecksum(instance.db)).toBe(reference);
      for (const back of [log.events.length - 1, Math.floor(log.events.length / 2), 3, 0]) {
        rewind(instance, log.events[back].position - 1n);
        applyInPages(instance, log.events.slice(back), 61);
        expect(readModelChecksum(instance.db)).toBe(reference);
      }
      // The same page handed over twice is skipped by the checkpoint.
      instance.apply(log.events.slice(-50));
      expect(readModelChecksum(instance.db)).toBe(reference);
      instance.close();
    });

    it('incremental (small pages, runner restarts, appends in between) equals a rebuild from scratch', async () => {
      const t = tempStore();
      try {
        const chunks = [0.3, 0.55, 1].map((f) => Math.floor(log.events.length * f));
        let from = 0;
        for (const [i, to] of chunks.entries()) {
          const head = await appendAll(t.store, log.events.slice(from, to));
          const partWay = head - BigInt(Math.floor((to - from) / 2));
          from = to;
          // Stop once part-way (the runner is at least there, maybe further), then catch up after a restart.
          await runUntil(t.store, t.readModelDir, [projection], partWay, 17 + i * 10);
          await runUntil(t.store, t.readModelDir, [projection], head, 23 + i * 10);
        }
        const all = await readEverything(t.store);
        const state = activeFileState(t.readModelDir, projection.name);
        expect(state.checkpoint).toBe(all[all.length - 1].position);
        expect(state.checksum).toBe(rebuiltChecksum(projection, all));
      } finally {
        await t.cleanup();
      }
    });
  });
}

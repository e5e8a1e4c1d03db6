// A projection thread asks the log only for the data of the event types its read models apply: on a
// sealed log the personal values of every other type stay sealed and cost nothing (ADR 25). It asks
// for metadata on demand too: read models read metadata for few events (ADR 30).
import { describe, expect, it } from '@jest/globals';
import type { EventStore, ReadAllOptions } from '@liaison/event-store';
import { accessLogProjection } from '../read-models/access-log/access-log.projection.js';
import { deadlinesBoardProjection } from '../read-models/deadlines-board/deadlines-board.projection.js';
import { generateWorkload } from '../testing/workload.js';
import { appendAll, tempStore } from '../testing/projection-harness.js';
import { ProjectionRunner } from './projection-runner.js';

describe('ProjectionRunner reads only the data its read models apply', () => {
  it('every page is read with dataOf = the types its projections handle', async () => {
    const t = tempStore();
    const head = await appendAll(t.store, generateWorkload({ cases: 20, seed: 2 }).events);
    const asked: (ReadonlySet<string> | undefined)[] = [];
    const onDemand: (boolean | undefined)[] = [];
    const inner = t.store;
    const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
      readAll: (options?: ReadAllOptions) => (asked.push(options?.dataOf), onDemand.push(options?.metadataOnDemand), inner.readAll(options)),
    });
    const projections = [accessLogProjection, deadlinesBoardProjection];
    const runner = new ProjectionRunner({ store, dir: t.readModelDir, projections, pageSize: 50, fallbackPollMs: 20 });
    runner.start();
    try {
      expect(await runner.waitForPosition(head, 10_000)).toBe(true);
    } finally {
      await runner.stop();
      await t.cleanup();
    }
    expect(asked.length).toBeGreaterThan(1);
    const handled = [...new Set(projections.flatMap((p) => p.canHandle))].sort();
    for (const dataOf of asked) expect([...(dataOf ?? [])].sort()).toEqual(handled);
    expect(handled).not.toContain('PersonRegistered');
    expect(new Set(onDemand)).toEqual(new Set([true]));
  });
});

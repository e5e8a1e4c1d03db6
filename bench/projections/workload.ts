// Case events from the projections' own seeded workload generator (all 19 event types, many cases,
// interleaved across streams the way concurrent officers produce them), renamed per chunk so every
// chunk adds new cases instead of repeating c-00000.. again.
import type { EventStore } from '@liaison/event-store';
import { generateWorkload } from '../../libs/projections/src/testing/workload.js';
import { streamOf } from '../../libs/projections/src/testing/event-fixtures.js';
import { appendCommands, chunkedCommands, type Command } from '../support/seed-log.js';

export type { Command } from '../support/seed-log.js';

/** Endless case commands, generated `casesPerChunk` cases at a time so memory stays flat. */
export function caseCommands(prefix: string, casesPerChunk: number, firstSeed = 1): Generator<Command> {
  return chunkedCommands(
    (chunk) => generateWorkload({ cases: casesPerChunk, seed: firstSeed + chunk }).events,
    (chunk, _stream, data) => {
      const caseId = `${prefix}${chunk}-${String(data.caseId)}`;
      return { streamId: streamOf(caseId), data: { ...data, caseId } };
    },
  );
}

/** Appends exactly `total` case events, `perTick` appends at a time; returns the store's head. */
export async function seedStore(
  store: EventStore, total: number, casesPerChunk: number, perTick: number, onProgress?: (seeded: number) => void,
): Promise<bigint> {
  return (await appendCommands(store, caseCommands('k', casesPerChunk), total, perTick, onProgress)).head;
}

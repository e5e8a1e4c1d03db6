// Case events from the projections' own seeded workload generator (all 19 event types, many cases,
// interleaved across streams the way concurrent officers produce them), renamed per chunk so every
// chunk adds new cases instead of repeating c-00000.. again.
import type { EventStore, EventToAppend, JsonObject } from '@liaison/event-store';
import { generateWorkload } from '../../libs/projections/src/testing/workload.js';
import { streamOf, toAppends } from '../../libs/projections/src/testing/event-fixtures.js';

export interface Command {
  streamId: string;
  events: EventToAppend[];
}

/**
 * An endless supply of commands: each is one consecutive run of a case's events, as one command
 * handler would append them. Generated `casesPerChunk` cases at a time so memory stays flat.
 */
export function* caseCommands(prefix: string, casesPerChunk: number, firstSeed = 1): Generator<Command> {
  for (let chunk = 0; ; chunk++) {
    const log = generateWorkload({ cases: casesPerChunk, seed: firstSeed + chunk });
    const rename = (caseId: unknown): string => `${prefix}${chunk}-${String(caseId)}`;
    for (const a of toAppends(log.events)) {
      const events = a.events.map((e): EventToAppend => {
        const data = e.data as JsonObject;
        // No id: the store assigns one, so chunks cannot collide on the generator's ev-<n> ids.
        return { type: e.type, data: { ...data, caseId: rename(data.caseId) }, metadata: e.metadata };
      });
      yield { streamId: streamOf(rename((a.events[0].data as JsonObject).caseId)), events };
    }
  }
}

/**
 * Appends exactly `total` events (the last command may be cut short), `perTick` appends at a time so
 * they share group commits. Returns the store's head afterwards.
 */
export async function seedStore(
  store: EventStore, total: number, casesPerChunk: number, perTick: number, onProgress?: (seeded: number) => void,
): Promise<bigint> {
  const commands = caseCommands('k', casesPerChunk);
  let seeded = 0;
  let reported = 0;
  while (seeded < total) {
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < perTick && seeded < total; i++) {
      const c = commands.next().value as Command;
      const events = c.events.slice(0, total - seeded);
      calls.push(store.append(c.streamId, events));
      seeded += events.length;
    }
    await Promise.all(calls);
    if (seeded - reported >= 100_000) {
      reported = seeded;
      onProgress?.(seeded);
    }
  }
  return store.headPosition();
}

import { chainEvents } from '@liaison/event-store';
// Seeding a store from a seeded generator, chunk by chunk so memory stays flat: each chunk is one
// generator call whose ids are renamed, so every chunk adds new streams instead of repeating the first
// chunk's ids. Shared by the projections bench (case events) and the referrals bench.
import type { EventStore, EventToAppend, JsonObject, RecordedEvent } from '@liaison/event-store';
import { toAppends } from '../../libs/projections/src/testing/event-fixtures.js';

export interface Command {
  streamId: string;
  events: EventToAppend[];
}

/**
 * A supply of commands (endless unless `chunks` is given): each is one consecutive run of a stream's events, as one command
 * handler would append them. `rename` gives each chunk's streams and payload ids their own names.
 */
export function* chunkedCommands(
  generate: (chunk: number) => readonly RecordedEvent[],
  rename: (chunk: number, streamId: string, data: JsonObject) => { streamId: string; data: JsonObject },
  chunks = Number.POSITIVE_INFINITY,
): Generator<Command> {
  for (let chunk = 0; chunk < chunks; chunk++) {
    for (const a of toAppends(generate(chunk))) {
      let streamId = a.streamId;
      const events = a.events.map((e): EventToAppend => {
        const renamed = rename(chunk, a.streamId, e.data as JsonObject);
        streamId = renamed.streamId;
        // No id: the store assigns one, so chunks cannot collide on the generator's ev-<n> ids.
        return { type: e.type, data: renamed.data, metadata: e.metadata };
      });
      yield { streamId, events };
    }
  }
}

/**
 * Appends `total` events, or all the commands hold if fewer (the last command may be cut short),
 * `perTick` appends at a time so they share group commits. Returns the store's head afterwards.
 */
export async function appendCommands(
  store: EventStore, commands: Iterator<Command>, total: number, perTick: number, onProgress?: (seeded: number) => void,
): Promise<{ head: bigint; events: number }> {
  let seeded = 0;
  let reported = 0;
  let done = false;
  // Chained as the command path chains them, so the log verifies (and can be sealed) like a service's.
  const heads = new Map<string, string | null>();
  while (seeded < total && !done) {
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < perTick && seeded < total; i++) {
      const next = commands.next();
      if (next.done) {
        done = true;
        break;
      }
      const c = next.value;
      const chained = chainEvents(heads.get(c.streamId) ?? null, c.events.slice(0, total - seeded));
      heads.set(c.streamId, chained.last);
      const events = chained.events;
      calls.push(store.append(c.streamId, events));
      seeded += events.length;
    }
    await Promise.all(calls);
    if (seeded - reported >= 100_000) {
      reported = seeded;
      onProgress?.(seeded);
    }
  }
  return { head: await store.headPosition(), events: seeded };
}

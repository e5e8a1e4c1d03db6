import type { EventStore, ReadAllOptions, RecordedEvent } from './event-store.port.js';

/**
 * The next page of `$all` strictly after `after` (undefined: from the start), at most `maxCount`
 * events; shorter only at the end of the log. Reads inclusively from `after` and drops what is not
 * after it, because a real EventStoreDB accepts only positions that are an event's own: stepping to
 * `after + 1` works on SQLite and the emulator but fails against a server. `dataOf`,
 * `metadataOnDemand`: see ReadAllOptions.
 */
export async function readAllAfter(
  store: EventStore, after: bigint | undefined, maxCount: number, dataOf?: ReadAllOptions['dataOf'],
  metadataOnDemand?: boolean,
): Promise<RecordedEvent[]> {
  if (after === undefined || after < 0n) return store.readAll({ fromPosition: 'start', maxCount, dataOf, metadataOnDemand });
  const page = await store.readAll({ fromPosition: after, maxCount: maxCount + 1, dataOf, metadataOnDemand });
  const start = page.findIndex((e) => e.position > after);
  return start < 0 ? [] : page.slice(start, start + maxCount);
}

import type { JsonObject, RecordedEvent } from '../event-store.port.js';
import { OnDemandMetadataEvent } from '../metadata-on-demand.js';

export type { EventRow } from '../metadata-on-demand.js';
import type { EventRow } from '../metadata-on-demand.js';

/** What a filtered subscription scans: global_position, stream_id, type (no JSON columns). */
export type EventKey = [number, string, string];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    streamId: row[2],
    type: row[4],
    data: JSON.parse(row[5]) as JsonObject,
    metadata: JSON.parse(row[6]) as JsonObject,
    revision: BigInt(row[3]),
    position: BigInt(row[0]),
    recordedAt: row[7],
  };
}

export function toRecordedEvents(rows: EventRow[], metadataOnDemand = false): RecordedEvent[] {
  const out = new Array<RecordedEvent>(rows.length);
  if (metadataOnDemand) for (let i = 0; i < rows.length; i++) out[i] = new OnDemandMetadataEvent(rows[i]);
  else for (let i = 0; i < rows.length; i++) out[i] = toRecordedEvent(rows[i]);
  return out;
}

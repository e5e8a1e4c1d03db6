import type { JsonObject, RecordedEvent } from './event-store.port.js';

/** A row as returned by `.raw()` in EVENT_COLUMNS order (id, position … as SQLite stores them). */
export type EventRow = [number, string, string, number, string, string, string, string];

/**
 * A recorded event whose metadata is parsed on first use (ReadAllOptions.metadataOnDemand). Metadata
 * carries the hash chain, ids and actor: parsing it was ~half of decoding a row, while a projection
 * thread's read models read it for few events (occurredAt of some). Private fields and a prototype
 * getter keep the object as fast to build as a literal; an accessor in a literal measured slower
 * than parsing eagerly. A spread (`{ ...event }`) would drop `metadata`: copy with `withEventData`.
 */
export class OnDemandMetadataEvent implements RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  data: JsonObject;
  revision: bigint;
  position: bigint;
  recordedAt: string;
  #metadataJson: string;
  #metadata: JsonObject | undefined;

  constructor(row: EventRow, data: JsonObject = JSON.parse(row[5]) as JsonObject, metadata?: JsonObject) {
    this.id = row[1];
    this.streamId = row[2];
    this.type = row[4];
    this.data = data;
    this.revision = BigInt(row[3]);
    this.position = BigInt(row[0]);
    this.recordedAt = row[7];
    this.#metadataJson = row[6];
    this.#metadata = metadata;
  }

  get metadata(): JsonObject {
    return (this.#metadata ??= JSON.parse(this.#metadataJson) as JsonObject);
  }

  set metadata(value: JsonObject) {
    this.#metadata = value;
  }

  /** Whether `metadata` has been parsed (or set) yet: for specs. */
  get metadataParsed(): boolean {
    return this.#metadata !== undefined;
  }

  /** The same event with other data; the metadata stays unparsed until used (positions and revisions
   * come from SQLite as numbers, so they are safe integers). */
  withData(data: JsonObject): OnDemandMetadataEvent {
    const row: EventRow = [Number(this.position), this.id, this.streamId, Number(this.revision), this.type, '', this.#metadataJson, this.recordedAt];
    return new OnDemandMetadataEvent(row, data, this.#metadata);
  }

  /** Serialized like any recorded event (JSON.stringify would otherwise leave out the getter). */
  toJSON(): RecordedEvent {
    const { id, streamId, type, data, metadata, revision, position, recordedAt } = this;
    return { id, streamId, type, data, metadata, revision, position, recordedAt };
  }
}

/** `{ ...event, data }`, except that an event with metadata on demand stays one (a spread would drop it). */
export function withEventData<E extends { data: JsonObject }>(event: E, data: JsonObject): E {
  if (event instanceof OnDemandMetadataEvent) return event.withData(data) as unknown as E;
  return { ...event, data };
}

// The one port every store adapter implements. Revisions and positions are bigint because
// EventStoreDB's are 64-bit; the SQLite adapter uses the same types so callers never branch.

import type { WriteFault } from './storage-faults.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who did it, on whose behalf and why: carried by every event, never by the domain's clock. */
export interface EventMetadata extends JsonObject {
  actor: string;
  country: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
}

export interface EventToAppend {
  /** Idempotency: re-appending the same ids must not duplicate events. Generated if absent. */
  id?: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata | JsonObject;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** 0-based, gap-free per stream. */
  revision: bigint;
  /** Strictly increasing across the whole store ($all order). */
  position: bigint;
  /** When the store recorded it (ISO-8601); the business time is metadata.occurredAt. */
  recordedAt: string;
}

/** no_stream: must not exist; stream_exists: must exist; any: no check; bigint: last revision must equal it. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Forwards defaults to 0, backwards to the end. */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Inclusive, like EventStoreDB's readAll. */
  fromPosition?: bigint | 'start' | 'end';
  maxCount?: number;
  /**
   * The only event types whose data the reader will look at (a projection thread: the types its read
   * models handle). Every event is still returned, with its position, type and metadata; a store that
   * transforms data when reading (PrivateEventStore opens personal values) may leave the data of the
   * other types as stored, so their personal values stay sealed and cost nothing to read.
   */
  dataOf?: ReadonlySet<string>;
  /**
   * Parse each event's metadata only when it is first read (a projection thread: its read models read
   * metadata for few events). A store may ignore it; copy such an event with `withEventData`, since a
   * spread leaves its metadata out.
   */
  metadataOnDemand?: boolean;
}

export interface SubscriptionFilter {
  eventTypes?: string[];
  streamPrefixes?: string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint (the last position already processed), or 'start' / 'end'. */
  fromPosition?: bigint | 'start' | 'end';
  filter?: SubscriptionFilter;
  /**
   * Called with the last position scanned when a filter skipped events, so a checkpoint can
   * advance past long runs of events the subscriber does not care about.
   */
  onCheckpoint?: (position: bigint) => void | Promise<void>;
  /** Called once when the catch-up phase has delivered everything that existed at subscribe time. */
  onCaughtUp?: () => void;
}

export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFound when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Last global position in the store (for lag and readiness); -1n when empty. */
  headPosition(): Promise<bigint>;
  /**
   * Optional in-process hint, called right after each durable commit by this process. Lets a
   * reader wake without reading the events twice; readers must not rely on it alone (other
   * processes' writes do not trigger it).
   */
  onCommitted?(listener: () => void): () => void;
  /**
   * The storage fault the last failed append met (full disk, I/O error, server unreachable), until an
   * append succeeds again. Lets readiness report that writes fail without writing anything itself.
   */
  lastWriteFault?(): WriteFault | undefined;
  /** Cheap reachability check for /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

import type { JsonObject } from '@liaison/event-store';

/** One small case event, shaped the same for both stores so serialisation cost is comparable. */
export interface BenchEvent {
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface ReadAllResult {
  count: number;
  /** Sum of data.seq: proves every event was actually decoded, not just counted. */
  checksum: number;
}

/** What every workload needs from a store; each side uses its own public API only. */
export interface StoreSubject {
  readonly name: string;
  appendOne(stream: string, event: BenchEvent): Promise<void>;
  appendMany(stream: string, events: BenchEvent[]): Promise<void>;
  /**
   * Seeds `total` events numbered from `from` (a multiple of 1,000) the fastest way the public API
   * allows; stops early at the deadline and returns how many it wrote.
   */
  seed(from: number, total: number, deadline: number): Promise<number>;
  readAll(pageSize: number): Promise<ReadAllResult>;
  readStream(stream: string): Promise<number>;
  /** Journal/synchronous pragmas actually in force on the store's connection. */
  durability(): Promise<string>;
  close(): Promise<void>;
}

const METADATA: JsonObject = {
  actor: 'officer-no-4711',
  country: 'NO',
  correlationId: '0b7c9a52-3f43-4b1c-9a31-5d7f0f3e2a10',
  causationId: '0b7c9a52-3f43-4b1c-9a31-5d7f0f3e2a10',
  occurredAt: '2025-01-01T12:00:00.000Z',
};

export function caseEvent(seq: number): BenchEvent {
  return {
    type: 'CaseNoteAdded',
    data: { caseId: `case-${seq % 1000}`, seq, note: 'Vehicle seen crossing at Svinesund', priority: 2 },
    metadata: METADATA,
  };
}

export function caseEvents(from: number, count: number): BenchEvent[] {
  const out = new Array<BenchEvent>(count);
  for (let i = 0; i < count; i++) out[i] = caseEvent(from + i);
  return out;
}

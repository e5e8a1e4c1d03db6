import type { RecordedEvent } from '@liaison/event-store';
import { chainOf } from '@liaison/event-store';

export interface TimelineEntry {
  type: string;
  revision: number;
  position: string;
  /** Business time the officer gave (metadata.occurredAt). */
  occurredAt: string | null;
  /** When the store recorded it: what asOf instants compare against. */
  recordedAt: string;
  actor: string | null;
  country: string | null;
  hash: string | null;
}

/** One event as a supervisor reads it: what, when (business and record time), who, and its chain hash. */
export function timelineEntry(e: RecordedEvent): TimelineEntry {
  const m = e.metadata;
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    type: e.type,
    revision: Number(e.revision),
    position: e.position.toString(),
    occurredAt: text(m.occurredAt),
    recordedAt: e.recordedAt,
    actor: text(m.actor),
    country: text(m.country),
    hash: chainOf(m)?.hash ?? null,
  };
}

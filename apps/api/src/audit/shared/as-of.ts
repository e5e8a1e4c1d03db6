import { BadRequestException } from '@nestjs/common';
import type { RecordedEvent } from '@liaison/event-store';

/**
 * A point in the log. An instant is compared with recordedAt, the time the store recorded the event
 * (record time), not metadata.occurredAt (business time): "what did we know on that day" is about
 * what was in our records, and a detention entered on Friday with detainedAt Monday was not known
 * on Tuesday of the week before. A bare integer is a global position (inclusive).
 */
export type AsOf = { kind: 'latest' } | { kind: 'position'; position: bigint } | { kind: 'instant'; at: string; ms: number };

export function parseAsOf(raw: string | undefined): AsOf {
  if (raw === undefined || raw === '') return { kind: 'latest' };
  if (/^\d{1,19}$/.test(raw)) return { kind: 'position', position: BigInt(raw) };
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(ms)) {
    throw new BadRequestException({ message: 'asOf must be an ISO-8601 instant or a global position', errors: [{ field: 'asOf', messages: ['invalid'] }] });
  }
  return { kind: 'instant', at: new Date(ms).toISOString(), ms };
}

export function includes(asOf: AsOf, e: RecordedEvent): boolean {
  if (asOf.kind === 'latest') return true;
  if (asOf.kind === 'position') return e.position <= asOf.position;
  return Date.parse(e.recordedAt) <= asOf.ms;
}

/** The prefix of a stream known at asOf (a stream's positions and record times only grow). */
export function knownAt(asOf: AsOf, events: readonly RecordedEvent[]): RecordedEvent[] {
  let n = 0;
  while (n < events.length && includes(asOf, events[n])) n++;
  return events.slice(0, n);
}

export function describeAsOf(asOf: AsOf): string | null {
  return asOf.kind === 'latest' ? null : asOf.kind === 'position' ? asOf.position.toString() : asOf.at;
}

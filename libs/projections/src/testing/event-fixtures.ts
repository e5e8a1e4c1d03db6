// Hand-built RecordedEvents for projection specs: positions increase in the order events are added,
// revisions per stream, metadata like the application layer writes it. Nothing here reads a clock.
import type { EventToAppend, JsonObject, RecordedEvent } from '@liaison/event-store';
import type { CaseEvent, InformationRequestEvent } from '@liaison/domain';

export const T0 = '2024-09-01T08:00:00.000Z';
const MINUTE = 60_000;

export const streamOf = (caseId: string): string => `case-${caseId}`;

export type CaseEventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

export const requestStreamOf = (requestId: string): string => `information-request-${requestId}`;

export type RequestEventOf<T extends InformationRequestEvent['type']> = Extract<InformationRequestEvent, { type: T }>;

export class EventLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, bigint>();
  private clock = Date.parse(T0);

  constructor(private position = 0n) {}

  /** Appends one event; `country` is the acting officer's country (metadata only). */
  add<T extends CaseEvent['type']>(type: T, data: CaseEventOf<T>['data'], country = 'SE'): RecordedEvent {
    return this.append(streamOf(data.caseId), type, data as unknown as JsonObject, country);
  }

  /**
   * Appends an information request event (stream information-request-<requestId>); `country` is the
   * acting officer's country (metadata only). Typed against the domain contract, so a fixture that
   * drifts from it fails to compile.
   */
  request<T extends InformationRequestEvent['type']>(type: T, data: RequestEventOf<T>['data'], country = 'SE'): RecordedEvent {
    return this.append(requestStreamOf(data.requestId), type, data as unknown as JsonObject, country);
  }

  /**
   * Appends an event of any stream (referrals, action days): read models take those payloads as
   * plain records, so specs state them as such instead of importing a contract still being written.
   */
  append(streamId: string, type: string, data: JsonObject, country = 'SE'): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1n) + 1n;
    this.revisions.set(streamId, revision);
    this.clock += MINUTE;
    const at = new Date(this.clock).toISOString();
    const event: RecordedEvent = {
      id: `ev-${this.position}`,
      streamId,
      type,
      data,
      metadata: { actor: `officer-${country.toLowerCase()}`, country, correlationId: `corr-${this.position}`, causationId: `cause-${this.position}`, occurredAt: at },
      revision,
      position: this.position,
      recordedAt: at,
    };
    this.position += 1n;
    this.events.push(event);
    return event;
  }

  get head(): bigint {
    return this.events.length ? this.events[this.events.length - 1].position : -1n;
  }
}

/** The same events as store appends, grouped per stream in log order (consecutive runs per stream). */
export function toAppends(events: readonly RecordedEvent[]): { streamId: string; events: EventToAppend[] }[] {
  const out: { streamId: string; events: EventToAppend[] }[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    const item: EventToAppend = { id: e.id, type: e.type, data: e.data, metadata: e.metadata };
    if (last && last.streamId === e.streamId) last.events.push(item);
    else out.push({ streamId: e.streamId, events: [item] });
  }
  return out;
}

/** Re-numbers events for a store whose positions differ (keeps order and content). */
export function withPositions(events: readonly RecordedEvent[], first: bigint): RecordedEvent[] {
  return events.map((e, i) => ({ ...e, position: first + BigInt(i) }));
}

/** One event of a generated workload, before it has a position. */
export type WorkloadStep = { stream: string; type: string; data: JsonObject; country: string };

/**
 * Interleaves per-stream queues of steps at random (seeded), keeping each queue's order: streams
 * evolve side by side, as in a real log, while every stream's own history stays valid.
 */
export function interleaveSteps(queues: readonly (readonly WorkloadStep[])[], rnd: () => number): EventLog {
  const log = new EventLog();
  const next = queues.map(() => 0);
  const active = queues.map((_, i) => i);
  while (active.length) {
    const slot = Math.floor(rnd() * active.length);
    const q = active[slot];
    const s = queues[q][next[q]++];
    log.append(s.stream, s.type, s.data, s.country);
    if (next[q] === queues[q].length) active.splice(slot, 1);
  }
  return log;
}

import { caseDecider, type CaseEvent } from '@liaison/domain';
import { chainOf, type JsonValue, type RecordedEvent } from '@liaison/event-store';
import { ProjectionInstance, caseDetail, casesProjection, type CaseDetail } from '@liaison/projections';
import { describeAsOf, knownAt, type AsOf } from '../shared/as-of.js';
import { toPlain } from '../shared/to-plain.js';

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

export interface CaseReplay {
  caseId: string;
  ownerCountry: string;
  asOf: string | null;
  /** Events folded; 0 when the case did not exist yet at asOf. */
  eventCount: number;
  /** Revision and position of the last event folded (null before the case existed). */
  revision: number | null;
  position: string | null;
  /** The domain's own fold (caseDecider.fold): what decisions were based on. */
  state: JsonValue;
  /** The live case-detail shape, built by the cases projection on a private in-memory model. */
  detail: CaseDetail | null;
  timeline: TimelineEntry[];
}

/**
 * Folds a case's stream up to asOf, twice: with the domain's evolve, and through the cases
 * projection's evolve into a fresh in-memory SQLite read with the owner as viewer — so replaying
 * to the present gives exactly the live case detail, by construction rather than by a parallel
 * implementation that could drift.
 */
export function replayCase(caseId: string, ownerCountry: string, stream: readonly RecordedEvent[], asOf: AsOf): CaseReplay {
  const events = knownAt(asOf, stream);
  const state = caseDecider.fold(caseDecider.initialState(), events.map((e) => ({ type: e.type, data: e.data }) as CaseEvent));
  const last = events[events.length - 1];
  return {
    caseId,
    ownerCountry,
    asOf: describeAsOf(asOf),
    eventCount: events.length,
    revision: last ? Number(last.revision) : null,
    position: last ? last.position.toString() : null,
    state: toPlain(state),
    detail: events.length ? detailOf(caseId, ownerCountry, events) : null,
    timeline: events.map(timelineEntry),
  };
}

function detailOf(caseId: string, ownerCountry: string, events: RecordedEvent[]): CaseDetail | null {
  const model = new ProjectionInstance(casesProjection, ':memory:');
  try {
    model.apply(events);
    if (model.error) throw new Error(`cases projection failed on replay: ${model.error}`);
    return caseDetail(model.db, { country: ownerCountry }, caseId) ?? null;
  } finally {
    model.close();
  }
}

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

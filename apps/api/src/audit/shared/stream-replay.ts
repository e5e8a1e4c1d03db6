import type Database from 'better-sqlite3';
import type { JsonObject, JsonValue, RecordedEvent } from '@liaison/event-store';
import { ProjectionInstance, type Projection } from '@liaison/projections';
import { describeAsOf, knownAt, type AsOf } from './as-of.js';
import { timelineEntry, type TimelineEntry } from './timeline-entry.js';
import { toPlain } from './to-plain.js';

export interface StreamReplay<Detail> {
  asOf: string | null;
  /** Events folded; 0 when the stream did not exist yet at asOf. */
  eventCount: number;
  /** Revision and position of the last event folded (null before the stream existed). */
  revision: number | null;
  position: string | null;
  /** The domain's own fold: what decisions were based on. */
  state: JsonValue;
  /** The live read model's shape, built by its projection on a private in-memory model. */
  detail: Detail | null;
  timeline: TimelineEntry[];
}

export interface ReplaySubject<Detail> {
  decider: { initialState(): unknown; fold(state: never, events: never[]): unknown };
  projection: Projection;
  /** Reads the subject's detail from the replayed model, as the live query would. */
  detail(db: Database.Database): Detail | null;
}

/**
 * Folds one stream up to asOf, twice: with the domain's fold, and through the read model's projection
 * into a fresh in-memory SQLite — so replaying to the present gives exactly the live detail, by
 * construction rather than by a parallel implementation that could drift. Any aggregate's replay.
 */
export function replayStream<Detail>(stream: readonly RecordedEvent[], asOf: AsOf, subject: ReplaySubject<Detail>): StreamReplay<Detail> {
  const events = knownAt(asOf, stream);
  const plain = events.map((e) => ({ type: e.type, data: e.data as JsonObject }));
  const state = subject.decider.fold(subject.decider.initialState() as never, plain as never[]);
  const last = events[events.length - 1];
  return {
    asOf: describeAsOf(asOf),
    eventCount: events.length,
    revision: last ? Number(last.revision) : null,
    position: last ? last.position.toString() : null,
    state: toPlain(state),
    detail: events.length ? detailOf(subject, events) : null,
    timeline: events.map(timelineEntry),
  };
}

function detailOf<Detail>(subject: ReplaySubject<Detail>, events: RecordedEvent[]): Detail | null {
  const model = new ProjectionInstance(subject.projection, ':memory:');
  try {
    model.apply(events);
    if (model.error) throw new Error(`${subject.projection.name} projection failed on replay: ${model.error}`);
    return subject.detail(model.db);
  } finally {
    model.close();
  }
}

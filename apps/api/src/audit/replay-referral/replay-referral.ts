import { referralDecider, type ReferralEvent } from '@liaison/domain';
import type { JsonValue, RecordedEvent } from '@liaison/event-store';
import { ProjectionInstance, referralDetail, referralLedgerProjection, type ReferralEntry } from '@liaison/projections';
import { timelineEntry, type TimelineEntry } from '../replay-case/replay-case.js';
import { describeAsOf, knownAt, type AsOf } from '../shared/as-of.js';
import { toPlain } from '../shared/to-plain.js';

export interface ReferralReplay {
  referralId: string;
  originCountry: string;
  asOf: string | null;
  eventCount: number;
  revision: number | null;
  position: string | null;
  /** The domain's own fold: what the next decision would have been based on. */
  state: JsonValue;
  /** The ledger's entry as the referring country saw it, rebuilt by the ledger projection itself. */
  detail: ReferralEntry | null;
  timeline: TimelineEntry[];
}

/**
 * A referral's stream up to asOf, folded twice like a case replay: with the decider, and through the
 * referral-ledger projection into a private in-memory model, so the replay to the present equals the
 * live ledger entry by construction.
 */
export function replayReferral(referralId: string, originCountry: string, viewerCountry: string, stream: readonly RecordedEvent[], asOf: AsOf): ReferralReplay {
  const events = knownAt(asOf, stream);
  const state = referralDecider.fold(referralDecider.initialState(), events.map((e) => ({ type: e.type, data: e.data }) as ReferralEvent));
  const last = events[events.length - 1];
  return {
    referralId,
    originCountry,
    asOf: describeAsOf(asOf),
    eventCount: events.length,
    revision: last ? Number(last.revision) : null,
    position: last ? last.position.toString() : null,
    state: toPlain(state),
    detail: events.length ? detailOf(referralId, viewerCountry, events) : null,
    timeline: events.map(timelineEntry),
  };
}

function detailOf(referralId: string, viewerCountry: string, events: RecordedEvent[]): ReferralEntry | null {
  const model = new ProjectionInstance(referralLedgerProjection, ':memory:');
  try {
    model.apply(events);
    if (model.error) throw new Error(`referral-ledger projection failed on replay: ${model.error}`);
    return referralDetail(model.db, { country: viewerCountry }, referralId);
  } finally {
    model.close();
  }
}

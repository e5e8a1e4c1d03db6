import { referralDecider } from '@liaison/domain';
import type { RecordedEvent } from '@liaison/event-store';
import { referralDetail, referralLedgerProjection, type ReferralEntry } from '@liaison/projections';
import type { AsOf } from '../shared/as-of.js';
import { replayStream, type StreamReplay } from '../shared/stream-replay.js';

export interface ReferralReplay extends StreamReplay<ReferralEntry> {
  referralId: string;
  originCountry: string;
}

/** What a referring country knew about a referral at asOf: the decider's fold and the ledger entry as that country sees it. */
export function replayReferral(referralId: string, originCountry: string, viewerCountry: string, stream: readonly RecordedEvent[], asOf: AsOf): ReferralReplay {
  return {
    referralId,
    originCountry,
    ...replayStream(stream, asOf, {
      decider: referralDecider,
      projection: referralLedgerProjection,
      detail: (db) => referralDetail(db, { country: viewerCountry }, referralId),
    }),
  };
}

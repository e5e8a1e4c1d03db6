import { caseDecider } from '@liaison/domain';
import { caseDetail, casesProjection, type CaseDetail } from '@liaison/projections';
import type { RecordedEvent } from '@liaison/event-store';
import type { AsOf } from '../shared/as-of.js';
import { replayStream, type StreamReplay } from '../shared/stream-replay.js';

export type { TimelineEntry } from '../shared/timeline-entry.js';

export interface CaseReplay extends StreamReplay<CaseDetail> {
  caseId: string;
  ownerCountry: string;
}

/** What the owner knew about a case at asOf: the domain's fold and the live case-detail shape, as the owner sees it. */
export function replayCase(caseId: string, ownerCountry: string, stream: readonly RecordedEvent[], asOf: AsOf): CaseReplay {
  return {
    caseId,
    ownerCountry,
    ...replayStream(stream, asOf, {
      decider: caseDecider,
      projection: casesProjection,
      detail: (db) => caseDetail(db, { country: ownerCountry }, caseId) ?? null,
    }),
  };
}

import { caseStreamId, referralStreamId } from '@liaison/domain';
import { verifyEvents, type EventStore, type RecordedEvent } from '@liaison/event-store';
import type { CaseDataAccessedData } from '@liaison/projections';
import { reproduceAccess, type Reproduction } from './access-view/reproduce-access.js';
import { replayCase, type CaseReplay } from './replay-case/replay-case.js';
import { replayReferral, type ReferralReplay } from './replay-referral/replay-referral.js';
import { referredStream } from './shared/referral-stream.js';
import { parseAsOf } from './shared/as-of.js';
import { ownedCaseStream } from './shared/case-stream.js';

/**
 * Audit answers computed from the log rather than a read model. Each folds a whole case stream, or
 * the log up to a position, so the built service runs them on its audit thread (ADR 10); elsewhere
 * they run here. Either way through runAuditJob, so both places give the same answer.
 */
export type AuditJob =
  | { kind: 'replayCase'; caseId: string; viewerCountry: string; asOf: string | undefined }
  | { kind: 'verifyCase'; caseId: string; viewerCountry: string }
  | { kind: 'reproduceAccess'; record: CaseDataAccessedData }
  | { kind: 'replayReferral'; referralId: string; viewerCountry: string; asOf: string | undefined }
  | { kind: 'verifyReferral'; referralId: string; viewerCountry: string };

type Verification = { readAt: string; data: ReturnType<typeof verifyEvents> & { stream: string } };

export interface AuditResults {
  replayCase: CaseReplay;
  verifyCase: Verification & { data: { caseId: string } };
  reproduceAccess: Reproduction;
  replayReferral: ReferralReplay;
  verifyReferral: Verification & { data: { referralId: string } };
}

export type AuditJobOf<K extends AuditJob['kind']> = Extract<AuditJob, { kind: K }>;

export function runAuditJob<K extends AuditJob['kind']>(store: EventStore, job: AuditJobOf<K>): Promise<AuditResults[K]> {
  return run(store, job) as Promise<AuditResults[K]>;
}

async function run(store: EventStore, job: AuditJob): Promise<AuditResults[AuditJob['kind']]> {
  switch (job.kind) {
    case 'replayCase': {
      const { events, ownerCountry } = await ownedCaseStream(store, job.caseId, job.viewerCountry);
      return replayCase(job.caseId, ownerCountry, events, parseAsOf(job.asOf));
    }
    case 'verifyCase': {
      const { events } = await ownedCaseStream(store, job.caseId, job.viewerCountry);
      return verification(events, caseStreamId(job.caseId), { caseId: job.caseId });
    }
    case 'replayReferral': {
      const { events, originCountry } = await referredStream(store, job.referralId, job.viewerCountry);
      return replayReferral(job.referralId, originCountry, job.viewerCountry, events, parseAsOf(job.asOf));
    }
    case 'verifyReferral': {
      const { events } = await referredStream(store, job.referralId, job.viewerCountry);
      return verification(events, referralStreamId(job.referralId), { referralId: job.referralId });
    }
    case 'reproduceAccess':
      return reproduceAccess(store, job.record);
    default: {
      const never: never = job;
      throw new Error(`unknown audit job ${JSON.stringify(never)}`);
    }
  }
}

function verification<Id extends object>(events: RecordedEvent[], stream: string, id: Id): Verification & { data: Id } {
  return { readAt: events[events.length - 1].position.toString(), data: { ...id, stream, ...verifyEvents(events) } };
}

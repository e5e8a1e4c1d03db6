import { caseStreamId, referralStreamId } from '@liaison/domain';
import { innermostStore, sha256Canonical, verifyEvents, type EventStore, type RecordedEvent } from '@liaison/event-store';
import type { CaseDataAccessedData } from '@liaison/projections';
import { NotReproducible, reproduceAccess, type Reproduction } from './access-view/reproduce-access.js';
import { replayCase, type CaseReplay } from './replay-case/replay-case.js';
import { replayReferral, type ReferralReplay } from './replay-referral/replay-referral.js';
import { referredStream } from './shared/referral-stream.js';
import { parseAsOf } from './shared/as-of.js';
import { ownedCaseStream } from './shared/case-stream.js';
import type { SnapshotFolder } from './snapshots/snapshot-folder.js';

/**
 * Audit answers computed from the log rather than a read model. Each folds a whole case stream, or
 * the log up to a position, so the built service runs them on its audit thread (ADR 10); elsewhere
 * they run here. Either way through runAuditJob, so both places give the same answer.
 */
export type AuditJob =
  | { kind: 'replayCase'; caseId: string; viewerCountry: string; asOf: string | undefined; upTo?: string }
  | { kind: 'verifyCase'; caseId: string; viewerCountry: string; upTo?: string }
  | { kind: 'reproduceAccess'; record: CaseDataAccessedData }
  | { kind: 'replayReferral'; referralId: string; viewerCountry: string; asOf: string | undefined; upTo?: string }
  | { kind: 'verifyReferral'; referralId: string; viewerCountry: string; upTo?: string };

/** `upTo`: the stream as the log held it at that global position (a reproduction of an earlier answer). */
const upTo = (events: RecordedEvent[], position: string | undefined): RecordedEvent[] =>
  position === undefined ? events : events.filter((e) => e.position <= BigInt(position));

type Verification = { readAt: string; data: ReturnType<typeof verifyEvents> & { stream: string } };

export interface AuditResults {
  replayCase: CaseReplay;
  verifyCase: Verification & { data: { caseId: string } };
  reproduceAccess: Reproduction;
  replayReferral: ReferralReplay;
  verifyReferral: Verification & { data: { referralId: string } };
}

export type AuditJobOf<K extends AuditJob['kind']> = Extract<AuditJob, { kind: K }>;

/** `snapshots`: the read-model snapshots a reproduced access may start its replay from (ADR 28). */
export function runAuditJob<K extends AuditJob['kind']>(store: EventStore, job: AuditJobOf<K>, snapshots?: SnapshotFolder): Promise<AuditResults[K]> {
  return run(store, job, snapshots) as Promise<AuditResults[K]>;
}

async function run(store: EventStore, job: AuditJob, snapshots?: SnapshotFolder): Promise<AuditResults[AuditJob['kind']]> {
  switch (job.kind) {
    case 'replayCase': {
      const { events, ownerCountry } = await ownedCaseStream(store, job.caseId, job.viewerCountry);
      return replayCase(job.caseId, ownerCountry, upTo(events, job.upTo), parseAsOf(job.asOf));
    }
    case 'verifyCase': {
      // The chain hashes what is stored (ciphertext, ADR 19), so it is checked on the events as stored.
      const { events } = await ownedCaseStream(innermostStore(store), job.caseId, job.viewerCountry);
      return verification(upTo(events, job.upTo), caseStreamId(job.caseId), { caseId: job.caseId });
    }
    case 'replayReferral': {
      const { events, originCountry } = await referredStream(store, job.referralId, job.viewerCountry);
      return replayReferral(job.referralId, originCountry, job.viewerCountry, upTo(events, job.upTo), parseAsOf(job.asOf));
    }
    case 'verifyReferral': {
      const { events } = await referredStream(innermostStore(store), job.referralId, job.viewerCountry);
      return verification(upTo(events, job.upTo), referralStreamId(job.referralId), { referralId: job.referralId });
    }
    case 'reproduceAccess':
      return job.record.readModel === null ? reproduceFromLog(store, job.record) : reproduceAccess(store, job.record, snapshots);
    default: {
      const never: never = job;
      throw new Error(`unknown audit job ${JSON.stringify(never)}`);
    }
  }
}

/**
 * An answer computed from the log (a replay, a hash-chain check), reproduced: the same job with the
 * recorded parameters and viewer country, on the stream as it stood at the recorded position (the
 * answer's readAt is the position of the last event it included), so later events do not change it.
 * Only a reproduction of a reproduction is not redone: the entry it reproduced is the one to open.
 */
async function reproduceFromLog(store: EventStore, record: CaseDataAccessedData): Promise<Reproduction> {
  const p = record.params as Record<string, string | undefined>;
  const viewerCountry = record.viewerCountry;
  const at = record.readAt;
  let answer: { readAt: string; data: unknown };
  switch (record.query) {
    case 'replayCase': {
      const data = await run(store, { kind: 'replayCase', caseId: String(p.caseId), viewerCountry, asOf: p.asOf, upTo: at }) as CaseReplay;
      answer = { readAt: data.position ?? '-1', data };
      break;
    }
    case 'replayReferral': {
      const data = await run(store, { kind: 'replayReferral', referralId: String(p.referralId), viewerCountry, asOf: p.asOf, upTo: at }) as ReferralReplay;
      answer = { readAt: data.position ?? '-1', data };
      break;
    }
    case 'verifyCase':
      answer = await run(store, { kind: 'verifyCase', caseId: String(p.caseId), viewerCountry, upTo: at }) as Verification;
      break;
    case 'verifyReferral':
      answer = await run(store, { kind: 'verifyReferral', referralId: String(p.referralId), viewerCountry, upTo: at }) as Verification;
      break;
    case 'accessView':
      throw new NotReproducible(`This access reproduced access ${String(p.entryId)}: reproduce that one instead`);
    default:
      throw new NotReproducible(`${record.route} was computed from the log, not a read model; re-run it with the recorded parameters`);
  }
  const answerSha256 = sha256Canonical(answer);
  return { answer, answerSha256, matchesRecord: answerSha256 === record.answerSha256 };
}

function verification<Id extends object>(events: RecordedEvent[], stream: string, id: Id): Verification & { data: Id } {
  return { readAt: events[events.length - 1].position.toString(), data: { ...id, stream, ...verifyEvents(events) } };
}

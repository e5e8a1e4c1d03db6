import type { RecordedEvent } from '@liaison/event-store';
import type { ReadModelDb } from '../../runner/projection.js';
import { str, utc, type Data } from '../shared/read-model-helpers.js';

/** One step of a request as its page shows it: what happened, when (business time) and which country recorded it. */
export interface RequestStep {
  type: string;
  /** Business time of the step (received, acknowledged, answered …), UTC. */
  at: string | null;
  country: string | null;
  /** The step's own facts (question, answer, notice of delay, summary, grounds, moved deadline …). */
  detail: Record<string, unknown>;
}

// Which data field carries each step's business time, and which of its fields the page shows.
const STEPS: Record<string, { at: string; detail: readonly string[] }> = {
  InformationRequested: { at: 'receivedAt', detail: ['urgent', 'urgencyReason', 'access', 'deadlineRule', 'deadlineAt', 'channel'] },
  RequestAcknowledged: { at: 'acknowledgedAt', detail: [] },
  ClarificationRequested: { at: 'requestedAt', detail: ['question'] },
  ClarificationProvided: { at: 'providedAt', detail: ['answer', 'deadlineAt'] },
  JudicialAuthorisationPending: { at: 'noticeSentAt', detail: ['expectedDelayDays', 'reason'] },
  JudicialAuthorisationObtained: { at: 'obtainedAt', detail: ['deadlineAt'] },
  InformationProvided: { at: 'providedAt', detail: ['summary', 'partial', 'late'] },
  RequestRefused: { at: 'refusedAt', detail: ['grounds', 'partial', 'deadlineAt'] },
  RequestWithdrawn: { at: 'withdrawnAt', detail: ['reason'] },
  RequestForwardedTo: { at: 'forwardedAt', detail: ['authority'] },
};

export const TIMELINE_TABLE = `CREATE TABLE rr_steps(request_id TEXT NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL,
  at TEXT, country TEXT, detail TEXT NOT NULL, PRIMARY KEY (request_id, position)) WITHOUT ROWID;`;

/** Keyed by position, so applying an event twice writes the same row once. */
export function recordStep(rm: ReadModelDb, requestId: string, event: RecordedEvent): void {
  const step = STEPS[event.type];
  if (!step) return;
  const d = event.data as Data;
  const detail = Object.fromEntries(step.detail.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
  rm.stmt('INSERT OR IGNORE INTO rr_steps(request_id, position, type, at, country, detail) VALUES (?,?,?,?,?,?)')
    .run(requestId, Number(event.position), event.type, utc(d[step.at]), str(event.metadata.country), JSON.stringify(detail));
}

export function stepsOf(rows: { type: string; at: string | null; country: string | null; detail: string }[]): RequestStep[] {
  return rows.map((r) => ({ type: r.type, at: r.at, country: r.country, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

import type { RecordedEvent } from '@liaison/event-store';
import type { ReadModelDb } from '../../runner/projection.js';
import { str, utc, type Data } from '../shared/read-model-helpers.js';

/** One step of a referral as its page shows it: what happened, when (business time) and which country recorded it. */
export interface ReferralStep {
  type: string;
  /** Business time of the step (when it was referred, sent, answered, seen again …), UTC. */
  at: string | null;
  country: string | null;
  /** The step's own facts: channel, response deadline, outcome reason, blocked countries, the re-upload's locator. */
  detail: Record<string, unknown>;
}

// Which data field carries each step's business time, and which of its fields the page shows.
const STEPS: Record<string, { at: string; detail: readonly string[] }> = {
  ContentReferred: { at: 'referredAt', detail: ['unit', 'basis', 'contentKind'] },
  CoReferrerJoined: { at: 'joinedAt', detail: ['country', 'unit'] },
  ReferralSentToPlatform: { at: 'sentAt', detail: ['channel', 'responseDueAt'] },
  PlatformAcknowledged: { at: 'acknowledgedAt', detail: ['platformReference'] },
  ContentRemoved: { at: 'removedAt', detail: [] },
  ContentGeoBlocked: { at: 'blockedAt', detail: ['countries'] },
  RemovalDeclined: { at: 'declinedAt', detail: ['reason', 'reasonText'] },
  NoPlatformResponse: { at: 'recordedAt', detail: ['responseDueAt'] },
  ContentReappeared: { at: 'seenAt', detail: ['locator'] },
  ReferralWithdrawn: { at: 'withdrawnAt', detail: ['reason'] },
};

export const TIMELINE_TABLE = `CREATE TABLE rl_steps(referral_id TEXT NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL,
  at TEXT, country TEXT, detail TEXT NOT NULL, PRIMARY KEY (referral_id, position)) WITHOUT ROWID;`;

/** Keyed by position, so applying an event twice writes the same row once. */
export function recordStep(rm: ReadModelDb, referralId: string, event: RecordedEvent): void {
  const step = STEPS[event.type];
  if (!step) return;
  const d = event.data as Data;
  const detail = Object.fromEntries(step.detail.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
  rm.stmt('INSERT OR IGNORE INTO rl_steps(referral_id, position, type, at, country, detail) VALUES (?,?,?,?,?,?)')
    .run(referralId, Number(event.position), event.type, utc(d[step.at]), str(event.metadata.country), JSON.stringify(detail));
}

export function stepsOf(rows: { type: string; at: string | null; country: string | null; detail: string }[]): ReferralStep[] {
  return rows.map((r) => ({ type: r.type, at: r.at, country: r.country, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

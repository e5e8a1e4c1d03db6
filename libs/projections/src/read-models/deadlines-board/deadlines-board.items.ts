import type { ReadModelDb } from '../../runner/projection.js';
import { requestViewers } from '../../access/request-access.js';
import type { RequestClock } from '../shared/information-request-clock.js';

export const DEADLINE_KINDS = ['information_request', 'custody_review', 'extradition'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * What a deadline asks of the viewer's country: for an information request, `answer_due` (the viewer
 * is the requested country and must answer) or `answer_expected` (the viewer asked); a custody review;
 * an extradition stage deadline ('decision', 'hand-over', 'formal-request').
 */
export type DeadlineRole = 'answer_due' | 'answer_expected' | 'custody_review' | 'decision' | 'hand-over' | 'formal-request';

/** The UTC day of a stored instant (canonical ISO, utc()). */
export const boardDayOf = (at: string): string => at.slice(0, 10);

export type RequestRow = RequestClock & {
  request_id: string; requesting_country: string; requested_country: string; case_id: string | null; urgent: number; rule: string;
  last_position: number;
};
type DetentionRow = { case_id: string; detention_id: string; holding_country: string; next_review_at: string; ended_at: string | null };
type ExtraditionRow = {
  case_id: string; extradition_id: string; route: string; requesting_country: string; requested_country: string; stage: string | null;
  stage_deadline_at: string | null; stage_deadline_for: string | null; consent_deadline_at: string | null; decision: string | null;
  status: string;
};

/**
 * The board rows derived from the source facts are written once per batch (endBatch, same
 * transaction): an event updates its facts (dl_requests, dl_detentions, dl_extraditions,
 * dl_case_countries) and marks the item, or for an access change the case, as due to be derived
 * again; the end of the batch derives each marked item once from its facts as they stand, and adds
 * up the dl_days counts of the whole batch before writing each (country, day, kind) once. The rows
 * are the same as deriving after every event (every derivation reads only facts, never earlier board
 * rows), but an item touched by several events of a batch, or a case shared with two countries, is
 * derived once: a from-scratch build wrote ~4 statements per event here instead of ~9.
 */
interface Pending {
  items: Map<string, { kind: DeadlineKind; id: string; caseId: string; subjectId: string }>;
  cases: Set<string>;
}
const pendingOf = new WeakMap<ReadModelDb, Pending>();

function pending(rm: ReadModelDb): Pending {
  let p = pendingOf.get(rm);
  if (!p) pendingOf.set(rm, (p = { items: new Map(), cases: new Set() }));
  return p;
}

/** The item (a request by its id; a detention or extradition by its case and own id) is derived again at the end of the batch. */
export function markItem(rm: ReadModelDb, kind: DeadlineKind, caseId: string, subjectId: string): void {
  const id = kind === 'information_request' ? subjectId : `${caseId}/${subjectId}`;
  pending(rm).items.set(`${kind}\u0000${id}`, { kind, id, caseId, subjectId });
}

/** A case's countries changed: every detention and extradition of the case is derived again at the end of the batch. */
export function markCase(rm: ReadModelDb, caseId: string): void {
  pending(rm).cases.add(caseId);
}

/** endBatch: derives every marked item from its facts; drops the marks if the batch failed (it rolls back). */
export function deriveMarked(rm: ReadModelDb, failed: boolean): void {
  const p = pendingOf.get(rm);
  if (!p || (p.items.size === 0 && p.cases.size === 0)) return;
  if (!failed) {
    for (const caseId of p.cases) {
      for (const id of rm.stmt('SELECT detention_id FROM dl_detentions WHERE case_id = ?').pluck().all(caseId) as string[]) markItem(rm, 'custody_review', caseId, id);
      for (const id of rm.stmt('SELECT extradition_id FROM dl_extraditions WHERE case_id = ?').pluck().all(caseId) as string[]) markItem(rm, 'extradition', caseId, id);
    }
    const batch = new Batch(rm);
    for (const item of p.items.values()) {
      if (item.kind === 'information_request') batch.setItem(item.kind, item.id, requestFacts(rm, item.id));
      else if (item.kind === 'custody_review') batch.setItem(item.kind, item.id, detentionFacts(rm, batch, item.caseId, item.subjectId));
      else batch.setItem(item.kind, item.id, extraditionFacts(rm, batch, item.caseId, item.subjectId));
    }
    batch.writeDays();
  }
  p.items.clear();
  p.cases.clear();
}

interface ItemFacts {
  due_at: string; viewers: string[]; case_id: string | null; request_id: string | null; subject_id: string | null;
  deadline_for: string; counterpart_country: string | null; requesting_country: string | null; requested_country: string | null;
  urgent: number | null; rule: string | null;
}

function requestFacts(rm: ReadModelDb, requestId: string): ItemFacts | null {
  const r = rm.stmt('SELECT * FROM dl_requests WHERE request_id = ?').get(requestId) as RequestRow | undefined;
  if (!r || r.closed_by !== null || r.clock_stopped_at !== null || r.deadline_at === '') return null;
  return {
    due_at: r.deadline_at, viewers: requestViewers(r.requesting_country, r.requested_country), case_id: r.case_id,
    request_id: r.request_id, subject_id: null, deadline_for: 'answer', counterpart_country: null,
    requesting_country: r.requesting_country, requested_country: r.requested_country, urgent: r.urgent, rule: r.rule,
  };
}

function detentionFacts(rm: ReadModelDb, batch: Batch, caseId: string, detentionId: string): ItemFacts | null {
  const r = rm.stmt('SELECT * FROM dl_detentions WHERE case_id = ? AND detention_id = ?').get(caseId, detentionId) as DetentionRow | undefined;
  return !r || r.ended_at !== null ? null : {
    due_at: r.next_review_at, viewers: batch.caseViewers(caseId), case_id: caseId, request_id: null, subject_id: detentionId,
    deadline_for: 'custody_review', counterpart_country: r.holding_country, requesting_country: null, requested_country: null,
    urgent: null, rule: null,
  };
}

/**
 * The deadline that applies now, as extradition-tracker.projection.ts derives it (there a generated
 * column): none once closed; a decision deadline (the stage's, or the earlier one counted from the
 * person's consent) until the decision is taken; a formal-request or hand-over deadline as it stands.
 */
export function extraditionDeadline(x: ExtraditionRow): { at: string; for: string } | null {
  if (x.status !== 'open') return null;
  let at: string | null;
  if (x.stage_deadline_for === null || x.stage_deadline_for === 'decision') {
    if (x.decision !== null) at = null;
    else if (x.consent_deadline_at === null) at = x.stage_deadline_at;
    else if (x.stage_deadline_at === null || x.consent_deadline_at < x.stage_deadline_at) at = x.consent_deadline_at;
    else at = x.stage_deadline_at;
  } else {
    at = x.stage_deadline_at;
  }
  return at === null ? null : { at, for: x.stage_deadline_for ?? 'decision' };
}

function extraditionFacts(rm: ReadModelDb, batch: Batch, caseId: string, extraditionId: string): ItemFacts | null {
  const x = rm.stmt('SELECT * FROM dl_extraditions WHERE case_id = ? AND extradition_id = ?').get(caseId, extraditionId) as ExtraditionRow | undefined;
  const deadline = x ? extraditionDeadline(x) : null;
  return !x || !deadline ? null : {
    due_at: deadline.at, viewers: batch.caseViewers(caseId), case_id: caseId, request_id: null, subject_id: extraditionId,
    deadline_for: deadline.for, counterpart_country: null, requesting_country: x.requesting_country,
    requested_country: x.requested_country, urgent: null, rule: x.route,
  };
}

function roleOf(kind: DeadlineKind, facts: Pick<ItemFacts, 'deadline_for' | 'requested_country'>, country: string): DeadlineRole {
  if (kind === 'information_request') return country === facts.requested_country ? 'answer_due' : 'answer_expected';
  return facts.deadline_for as DeadlineRole;
}

/** One end of batch: the case viewers it looked up, and the dl_days changes it adds up before writing. */
class Batch {
  private readonly viewers = new Map<string, string[]>();
  private readonly days = new Map<string, { country: string; day: string; kind: DeadlineKind; n: number }>();

  constructor(private readonly rm: ReadModelDb) {}

  caseViewers(caseId: string): string[] {
    let v = this.viewers.get(caseId);
    if (!v) this.viewers.set(caseId, (v = this.rm.stmt('SELECT country FROM dl_case_countries WHERE case_id = ? ORDER BY country').pluck().all(caseId) as string[]));
    return v;
  }

  /** Replaces the item's board rows: removes those it had (at its old due time), adds one per viewer now (none when `facts` is null). */
  setItem(kind: DeadlineKind, itemId: string, facts: ItemFacts | null): void {
    const { rm } = this;
    const old = rm.stmt('SELECT due_at, viewers, deadline_for, requested_country FROM dl_items WHERE kind = ? AND item_id = ?').get(kind, itemId) as
      { due_at: string; viewers: string; deadline_for: string; requested_country: string | null } | undefined;
    if (!old && !facts) return;
    // Same due time, viewers and roles: the board rows stay as they are; only the item's facts are rewritten.
    const sameRows = !!old && !!facts && old.due_at === facts.due_at && old.viewers === facts.viewers.join(',')
      && facts.viewers.every((c) => roleOf(kind, old, c) === roleOf(kind, facts, c));
    if (old && !sameRows) {
      const remove = rm.stmt('DELETE FROM dl_board WHERE country = ? AND due_at = ? AND kind = ? AND item_id = ?');
      for (const country of old.viewers ? old.viewers.split(',') : []) {
        remove.run(country, old.due_at, kind, itemId);
        this.countDay(country, old.due_at, kind, -1);
      }
    }
    if (!facts) {
      rm.stmt('DELETE FROM dl_items WHERE kind = ? AND item_id = ?').run(kind, itemId);
      return;
    }
    rm.stmt(`INSERT OR REPLACE INTO dl_items(kind, item_id, due_at, viewers, case_id, request_id, subject_id, deadline_for,
        counterpart_country, requesting_country, requested_country, urgent, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
      .run(kind, itemId, facts.due_at, facts.viewers.join(','), facts.case_id, facts.request_id, facts.subject_id, facts.deadline_for,
        facts.counterpart_country, facts.requesting_country, facts.requested_country, facts.urgent, facts.rule);
    if (sameRows) return;
    const add = rm.stmt('INSERT OR REPLACE INTO dl_board(country, due_at, kind, item_id, role) VALUES (?,?,?,?,?)');
    for (const country of facts.viewers) {
      add.run(country, facts.due_at, kind, itemId, roleOf(kind, facts, country));
      this.countDay(country, facts.due_at, kind, 1);
    }
  }

  private countDay(country: string, dueAt: string, kind: DeadlineKind, sign: 1 | -1): void {
    const day = boardDayOf(dueAt);
    const key = `${country}\u0000${day}\u0000${kind}`;
    const c = this.days.get(key);
    if (c) c.n += sign;
    else this.days.set(key, { country, day, kind, n: sign });
  }

  /** Each (country, day, kind) the batch changed, written once; a count that reaches zero is deleted. */
  writeDays(): void {
    const { rm } = this;
    for (const { country, day, kind, n } of this.days.values()) {
      if (n === 0) continue;
      rm.stmt('INSERT INTO dl_days(country, day, kind, n) VALUES (?,?,?,?) ON CONFLICT DO UPDATE SET n = n + excluded.n').run(country, day, kind, n);
      if (n < 0) rm.stmt('DELETE FROM dl_days WHERE country = ? AND day = ? AND kind = ? AND n = 0').run(country, day, kind);
    }
  }
}

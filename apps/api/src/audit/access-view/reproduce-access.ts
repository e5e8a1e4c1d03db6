import { sha256Canonical, type EventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS, type CaseDataAccessedData } from '@liaison/projections';
import { isQueryName, runRecordedQuery } from '../../access/query-catalog.js';
import { NotReproducible } from '../../runtime/worker/not-reproducible.error.js';
import { replayReadModel } from './replay-read-model.js';
import type { SnapshotFolder } from '../snapshots/snapshot-folder.js';

export interface Reproduction {
  /** The answer as the officer received it: `{ readAt, data }`. */
  answer: { readAt: string; data?: unknown };
  answerSha256: string;
  /** True when the reproduction hashes to the value recorded when the answer was sent. */
  matchesRecord: boolean;
}

export { NotReproducible };

/**
 * Rebuilds the exact answer of one access: same read model replayed to the same position, same
 * catalog query and parameters, same viewer country, same clock value. `snapshots` only makes the
 * replay start later in the log (ADR 28); the answer is the same with or without them.
 */
export async function reproduceAccess(store: EventStore, record: CaseDataAccessedData, snapshots?: SnapshotFolder): Promise<Reproduction> {
  const projection = ALL_PROJECTIONS.find((p) => p.name === record.readModel);
  if (!projection || !isQueryName(record.query)) {
    throw new NotReproducible(`${record.route} was computed from the log, not a read model; re-run it with the recorded parameters`);
  }
  const model = await replayReadModel(store, projection, BigInt(record.readAt), snapshots);
  try {
    const data = runRecordedQuery(record.query, { db: model.db, viewer: { country: record.viewerCountry }, now: record.now }, record.params);
    const answer = { readAt: record.readAt, data };
    const answerSha256 = sha256Canonical(answer);
    return { answer, answerSha256, matchesRecord: answerSha256 === record.answerSha256 };
  } finally {
    model.close();
  }
}

/**
 * What a supervisor of another country may see of a reproduced answer: only items about cases it
 * owns (a Danish list may also have carried Norwegian cases, which are not Sweden's business).
 */
export function redactForOwner(data: unknown, owned: ReadonlySet<string>): { data: unknown; redacted: boolean } {
  const items = (data as { items?: unknown } | null | undefined)?.items;
  if (!Array.isArray(items)) return { data, redacted: false };
  const kept = items.filter((i) => typeof (i as { caseId?: unknown })?.caseId === 'string' && owned.has((i as { caseId: string }).caseId));
  if (kept.length === items.length) return { data, redacted: false };
  const { nextCursor: _omit, ...rest } = data as { items: unknown[]; nextCursor?: string };
  return { data: { ...rest, items: kept }, redacted: true };
}

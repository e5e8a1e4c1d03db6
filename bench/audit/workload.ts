// Event generators for the audit bench: one long case (for replay) and many chained streams (for verify).
import { chainEvents, type EventStore, type JsonObject } from '@liaison/event-store';

type Draft = { id?: string; type: string; data: JsonObject; metadata: JsonObject };

const meta = (i: number): JsonObject => ({
  actor: `se-officer-${i % 7}`, country: 'SE', issuer: 'https://idp.se.dev.liaison.invalid',
  correlationId: `c-${i}`, causationId: `k-${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
});

/** A plausible long case: opened, a person, a detention, then thousands of custody extensions. */
export function longCase(caseId: string, count: number): Draft[] {
  const out: Draft[] = [
    { type: 'CaseOpened', data: { caseId, ownerCountry: 'SE', title: 'Bench case', offenceCategory: 'homicide', handlingCode: 'H0', openedBy: 'se-officer-0' }, metadata: meta(0) },
    { type: 'PersonRegistered', data: { caseId, personId: 'p-1', category: 'suspect', name: 'Bench Person', birthYear: 2007, nationalities: [{ country: 'SE', evaluation: { source: 'B', information: 2 } }] }, metadata: meta(1) },
    { type: 'DetentionRecorded', data: { caseId, detentionId: 'd-1', personId: 'p-1', holdingCountry: 'DK', facility: 'Exempelby arrest', detainedAt: '2026-01-01T08:00:00.000Z', legalBasis: 'Fictional custody order', nextCustodyReviewAt: '2026-01-15T08:00:00.000Z' }, metadata: meta(2) },
  ];
  for (let i = out.length; i < count; i++) {
    out.push({ type: 'CustodyExtended', data: { caseId, detentionId: 'd-1', nextCustodyReviewAt: new Date(Date.UTC(2026, 0, 15) + i * 3_600_000).toISOString(), reason: `Review ${i}` }, metadata: meta(i) });
  }
  return out;
}

/** Appends drafts to one stream, chained, in batches (one group commit each). */
export async function appendChained(store: EventStore, streamId: string, drafts: Draft[], batch = 1000): Promise<void> {
  let prev: string | null = null;
  for (let i = 0; i < drafts.length; i += batch) {
    const chained: { events: Draft[]; last: string | null } = chainEvents(prev, drafts.slice(i, i + batch));
    await store.append(streamId, chained.events, { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
    prev = chained.last;
  }
}

/**
 * `total` events over `streams` streams, interleaved in $all the way concurrent officers write
 * (round-robin batches), each stream chained. Appends run concurrently so they group-commit.
 */
export async function fillChainedLog(store: EventStore, total: number, streams: number, onProgress: (n: number) => void): Promise<void> {
  const perStream = Math.ceil(total / streams);
  const batch = 100;
  const tails = Array.from({ length: streams }, () => ({ prev: null as string | null, written: 0 }));
  let written = 0;
  for (let round = 0; written < total; round++) {
    const appends: Promise<unknown>[] = [];
    for (let s = 0; s < streams && written < total; s++) {
      const t = tails[s];
      const n = Math.min(batch, perStream - t.written, total - written);
      if (n <= 0) continue;
      const drafts: Draft[] = Array.from({ length: n }, (_, k) => {
        const i = t.written + k;
        return { type: 'CustodyExtended', data: { caseId: `bench-${s}`, detentionId: 'd-1', nextCustodyReviewAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString() }, metadata: meta(i) };
      });
      const { events, last } = chainEvents(t.prev, drafts);
      appends.push(store.append(`case-bench-${s}`, events, { expectedRevision: t.written === 0 ? 'no_stream' : BigInt(t.written - 1) }));
      t.prev = last;
      t.written += n;
      written += n;
    }
    await Promise.all(appends);
    if (round % 20 === 0) onProgress(written);
  }
}

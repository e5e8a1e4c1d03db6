// A store as it was written before encryption (ADR 19), for the seal's spec and bench: case streams
// and information-request streams with their personal values in clear, chained like the command path
// chains them, their events interleaved in $all the way concurrent officers write.
import { chainEvents, type EventStore, type JsonObject } from '@liaison/event-store';

type Draft = { type: string; data: JsonObject; metadata: JsonObject };

export interface PlaintextStream {
  streamId: string;
  events: Draft[];
}

const meta = (i: number): JsonObject => ({
  actor: `se-officer-${i % 7}`, country: 'SE', issuer: 'https://idp.se.dev.liaison.invalid',
  correlationId: `c-${i}`, causationId: `k-${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
});

const pad = (n: number) => String(n).padStart(5, '0');
const uuid = (kind: number, n: number) => `00000000-0000-4000-800${kind}-${String(n).padStart(12, '0')}`;

/** The personal strings of case `n` (long enough that none can occur by chance in base64 ciphertext). */
export const caseValues = (n: number) => ({
  title: `Operation Nightjar ${pad(n)}`,
  name: `Aino Virtanen ${pad(n)}`,
  pseudonym: `Suspect Nightjar ${pad(n)}`,
  alias: `nightjar_handle_${pad(n)}`,
  handler: `Handler Kestrel ${pad(n)}`,
  custody: (k: number) => `Risk of flight, review ${pad(n)}-${k}`,
  closed: `Convicted at Svea hovratt ${pad(n)}`,
  sought: `Phone subscriber behind +46 70 ${pad(n)}`,
  refusal: `Would endanger witness ${pad(n)}`,
});

/** One case with `extensions` custody extensions: 6 + extensions events, 7 + extensions personal values. */
export function caseStream(n: number, extensions: number): PlaintextStream {
  const caseId = uuid(1, n);
  const personId = uuid(2, n);
  const v = caseValues(n);
  const events: Draft[] = [
    { type: 'CaseOpened', data: { caseId, ownerCountry: 'SE', title: v.title, offenceCategory: 'drug-trafficking', handlingCode: 'H0', openedBy: 'se-officer-1' }, metadata: meta(0) },
    { type: 'PersonRegistered', data: { caseId, personId, category: 'suspect', name: v.name, pseudonym: v.pseudonym, aliases: [v.alias], birthYear: 1990 + (n % 20), nationalities: [{ country: 'FI', evaluation: { source: 'B', information: 2 } }] }, metadata: meta(1) },
    { type: 'CaseSharedWith', data: { caseId, partnerCountry: 'DK', level: 'contribute' }, metadata: meta(2) },
    { type: 'HandlerAbroadIdentified', data: { caseId, handlerId: uuid(3, n), alias: v.handler, believedCountry: 'ES', platforms: ['telegram'], evaluation: { source: 'C', information: 3 } }, metadata: meta(3) },
    { type: 'DetentionRecorded', data: { caseId, detentionId: uuid(4, n), personId, holdingCountry: 'SE', facility: 'Kronoberg', detainedAt: '2026-01-02T08:00:00.000Z', legalBasis: 'RB 24:1', nextCustodyReviewAt: '2026-01-16T08:00:00.000Z' }, metadata: meta(4) },
  ];
  for (let k = 0; k < extensions; k++) {
    events.push({ type: 'CustodyExtended', data: { caseId, detentionId: uuid(4, n), nextCustodyReviewAt: new Date(Date.UTC(2026, 0, 16) + k * 86_400_000).toISOString(), reason: v.custody(k) }, metadata: meta(5 + k) });
  }
  events.push({ type: 'CaseClosed', data: { caseId, reason: v.closed }, metadata: meta(5 + extensions) });
  return { streamId: `case-${caseId}`, events };
}

/** An information request refused with a reason per ground (a `grounds.*.reason` path): 2 events, 3 personal values. */
export function requestStream(n: number): PlaintextStream {
  const requestId = uuid(5, n);
  const v = caseValues(n);
  return {
    streamId: `information-request-${requestId}`,
    events: [
      { type: 'InformationRequested', data: { requestId, requestingCountry: 'SE', requestedCountry: 'NO', informationSought: v.sought, purpose: `Identify the seller ${pad(n)}` }, metadata: meta(0) },
      { type: 'RequestRefused', data: { requestId, grounds: [{ ground: 'c', reason: v.refusal }, { ground: 'f' }] }, metadata: meta(1) },
    ],
  };
}

/**
 * Appends the streams round-robin, `batch` events of a stream per append (chained as the command
 * path chains them), the appends of a round concurrently so they share group commits.
 */
export async function appendInterleaved(store: EventStore, streams: readonly PlaintextStream[], batch = 3): Promise<number> {
  const tails = streams.map(() => ({ prev: null as string | null, written: 0 }));
  let total = 0;
  for (let round = 0; ; round++) {
    const appends: Promise<unknown>[] = [];
    streams.forEach((s, i) => {
      const t = tails[i];
      const next = s.events.slice(t.written, t.written + batch);
      if (next.length === 0) return;
      const { events, last } = chainEvents(t.prev, next);
      appends.push(store.append(s.streamId, events, { expectedRevision: t.written === 0 ? 'no_stream' : BigInt(t.written - 1) }));
      t.prev = last;
      t.written += next.length;
      total += next.length;
    });
    if (appends.length === 0) return total;
    await Promise.all(appends);
  }
}

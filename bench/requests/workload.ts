// 100k information requests and the cases holding 100k detentions, from the projections' own request
// workload (every request event, clarifications and judicial authorisations that move the clock, late
// answers, refusals; interleaved with the case workload: sharing, detentions, custody extensions,
// extraditions), a few thousand requests per generator call with each chunk's ids suffixed.
import type { EventStore, JsonObject, RecordedEvent } from '@liaison/event-store';
import { generateRequestWorkload } from '../../libs/projections/src/testing/information-request-workload.js';
import { appendCommands, chunkedCommands } from '../support/seed-log.js';

/** Requests per generator call: its interleaving is quadratic in the streams it holds at once. */
export const REQUESTS_PER_CHUNK = 2000;
/** Cases per chunk: the case workload records ~1.3 detentions per case, so ~2,000 detentions. */
export const CASES_PER_CHUNK = 1540;
const ID_FIELDS = ['requestId', 'caseId'] as const;

/** Suffixes the chunk to a stream id (`information-request-ir-000042` → `….q7`) and to the request and case ids in a payload. */
export function renameForChunk(chunk: number, streamId: string, data: JsonObject): { streamId: string; data: JsonObject } {
  const suffix = `.q${chunk}`;
  const renamed: JsonObject = { ...data };
  for (const f of ID_FIELDS) if (typeof data[f] === 'string') renamed[f] = `${data[f]}${suffix}`;
  return { streamId: `${streamId}${suffix}`, data: renamed };
}

/** How many requests and cases chunk `k` generates once `made` requests and `detained` detentions exist; empty when both are reached. */
export function chunkPlan(target: { requests: number; detentions: number }, made: { requests: number; detentions: number }): { requests: number; cases: number } {
  return {
    requests: Math.max(0, Math.min(REQUESTS_PER_CHUNK, target.requests - made.requests)),
    cases: made.detentions < target.detentions ? CASES_PER_CHUNK : 0,
  };
}

/** Appends `requests` requests and cases until at least `detentions` detentions are recorded. */
export async function seedRequests(
  store: EventStore, target: { requests: number; detentions: number }, onProgress?: (events: number) => void,
): Promise<{ head: bigint; events: number; requests: number; detentions: number; cases: number }> {
  const made = { requests: 0, detentions: 0, cases: 0 };
  const generate = (chunk: number): readonly RecordedEvent[] => {
    const plan = chunkPlan(target, made);
    if (plan.requests === 0 && plan.cases === 0) return [];
    const events = generateRequestWorkload({ requests: plan.requests, cases: plan.cases, seed: 1 + chunk }).events;
    made.requests += plan.requests;
    made.cases += plan.cases;
    made.detentions += events.filter((e) => e.type === 'DetentionRecorded').length;
    return events;
  };
  // More chunks than needed: the ones after both targets are empty.
  const chunks = 2 * Math.ceil(Math.max(target.requests, target.detentions) / REQUESTS_PER_CHUNK) + 10;
  const seeded = await appendCommands(store, chunkedCommands(generate, renameForChunk, chunks), Number.POSITIVE_INFINITY, 2000, onProgress);
  return { ...seeded, ...made };
}

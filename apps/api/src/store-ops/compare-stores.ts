import { ChainVerifier, lastHashOf, readAllAfter } from '@liaison/event-store';
import type { EventStore, VerifyReport } from '@liaison/event-store';

export interface StreamSummary {
  events: number;
  lastRevision: bigint;
  /** The chain head: the last event's hash (what the stream's next event must name as prev). */
  head: string | null;
}

export interface StoreSummary {
  events: number;
  streams: Map<string, StreamSummary>;
  chains: VerifyReport;
}

export interface StreamDifference {
  stream: string;
  source: StreamSummary | null;
  target: StreamSummary | null;
}

export interface Comparison {
  same: boolean;
  source: { events: number; streams: number; chainsOk: boolean };
  target: { events: number; streams: number; chainsOk: boolean };
  /** The first differing streams (capped), by name. */
  differences: StreamDifference[];
  differingStreams: number;
}

const MAX_DIFFERENCES = 20;

/** One pass over $all: events per stream, last revision and chain head, and every chain verified. */
export async function summarise(store: EventStore, onProgress?: (events: number) => void, pageSize = 4096): Promise<StoreSummary> {
  const streams = new Map<string, StreamSummary>();
  const verifier = new ChainVerifier();
  let events = 0;
  for (let after: bigint | undefined; ;) {
    const page = await readAllAfter(store, after, pageSize);
    if (page.length === 0) break;
    for (const e of page) {
      verifier.check(e);
      const s = streams.get(e.streamId);
      if (s) {
        s.events++;
        s.lastRevision = e.revision;
        s.head = lastHashOf(e);
      } else {
        streams.set(e.streamId, { events: 1, lastRevision: e.revision, head: lastHashOf(e) });
      }
    }
    events += page.length;
    after = page[page.length - 1].position;
    onProgress?.(events);
  }
  return { events, streams, chains: verifier.report() };
}

/** Both sides stream by stream: same streams, same counts, same last revisions, same chain heads, intact chains. */
export function compareSummaries(source: StoreSummary, target: StoreSummary): Comparison {
  const differences: StreamDifference[] = [];
  let differing = 0;
  const names = new Set([...source.streams.keys(), ...target.streams.keys()]);
  for (const stream of [...names].sort()) {
    const s = source.streams.get(stream) ?? null;
    const t = target.streams.get(stream) ?? null;
    if (s && t && s.events === t.events && s.lastRevision === t.lastRevision && s.head === t.head) continue;
    differing++;
    if (differences.length < MAX_DIFFERENCES) differences.push({ stream, source: s, target: t });
  }
  const side = (x: StoreSummary) => ({ events: x.events, streams: x.streams.size, chainsOk: x.chains.ok });
  return {
    same: differing === 0 && source.events === target.events && source.chains.ok && target.chains.ok,
    source: side(source),
    target: side(target),
    differences,
    differingStreams: differing,
  };
}

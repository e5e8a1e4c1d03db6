import type { EventStore, RecordedEvent } from './event-store.port.js';
import { chainOf, eventHash } from './hash-chain.js';
import { readAllAfter } from './read-all-after.js';
import { innermostStore } from './privacy/private-event-store.js';

export interface ChainBreak {
  stream: string;
  revision: string;
  position: string;
  reason: 'position-not-increasing' | 'revision-gap' | 'missing-chain' | 'prev-mismatch' | 'hash-mismatch';
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  streams: number;
  /** The first broken link in $all order, then further ones up to a cap (so one edit does not flood). */
  breaks: ChainBreak[];
  firstBreak: ChainBreak | null;
}

const MAX_BREAKS = 20;

/**
 * Checks events fed in $all order: positions strictly increasing, revisions gap-free per stream,
 * and each stream's hash chain. After a break it continues from what the store claims, so only
 * the tampered link is reported rather than everything after it.
 */
export class ChainVerifier {
  private readonly tails = new Map<string, { revision: bigint; hash: string | null }>();
  private lastPosition = -1n;
  private count = 0;
  private readonly found: ChainBreak[] = [];
  private broken = 0;

  check(e: RecordedEvent): void {
    this.count++;
    const fail = (reason: ChainBreak['reason']): void => {
      this.broken++;
      if (this.found.length < MAX_BREAKS) {
        this.found.push({ stream: e.streamId, revision: e.revision.toString(), position: e.position.toString(), reason });
      }
    };
    if (e.position <= this.lastPosition) fail('position-not-increasing');
    this.lastPosition = e.position;
    const tail = this.tails.get(e.streamId);
    const expectedRevision = tail ? tail.revision + 1n : 0n;
    const expectedPrev = tail ? tail.hash : null;
    const link = chainOf(e.metadata);
    if (e.revision !== expectedRevision) fail('revision-gap');
    else if (!link) fail('missing-chain');
    else if (link.prev !== expectedPrev) fail('prev-mismatch');
    else if (eventHash(link.prev, e.type, e.data, e.metadata) !== link.hash) fail('hash-mismatch');
    this.tails.set(e.streamId, { revision: e.revision, hash: link?.hash ?? null });
  }

  report(): VerifyReport {
    return {
      ok: this.broken === 0,
      events: this.count,
      streams: this.tails.size,
      breaks: [...this.found],
      firstBreak: this.found[0] ?? null,
    };
  }
}

export interface VerifyAllOptions {
  pageSize?: number;
  onProgress?: (checked: number) => void;
}

/** Every stream and the $all order, paging through readAll. */
export async function verifyAll(store: EventStore, options: VerifyAllOptions = {}): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  const pageSize = options.pageSize ?? 4096;
  // The chain hashes the events as stored (personal values as ciphertext, ADR 19): read under any decorator.
  store = innermostStore(store);
  let checked = 0;
  for (let after: bigint | undefined; ;) {
    const page = await readAllAfter(store, after, pageSize);
    if (page.length === 0) break;
    for (const e of page) verifier.check(e);
    checked += page.length;
    options.onProgress?.(checked);
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
  }
  return verifier.report();
}

/** One stream: its revisions, its chain and its positions (increasing within the stream). */
export function verifyEvents(events: readonly RecordedEvent[]): VerifyReport {
  const verifier = new ChainVerifier();
  for (const e of events) verifier.check(e);
  return verifier.report();
}

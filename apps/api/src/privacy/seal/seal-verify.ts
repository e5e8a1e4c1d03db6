import {
  canonicalJson, chainOf, ChainVerifier, decryptEvents, isRedacted, readAllAfter,
  type EventStore, type JsonValue, type PersonalDataPolicy, type RecordedEvent, type SubjectKeyStore, type VerifyReport,
} from '@liaison/event-store';
import { countPersonalFields } from '../status/personal-field-count.js';
import type { Progress } from './seal-progress.js';
import { StoreTally } from './seal-tally.js';

// The seal's two checks (ADR 19): the source's chains before anything is written, and afterwards the
// new store read back through the store adapter against the source, event by event.

export const PAGE = 4096;

/** Every page of `store`'s $all up to and including `head`; stops with an AbortError once `signal` fires. */
export async function* pagesUpTo(store: EventStore, head: bigint, signal?: AbortSignal): AsyncGenerator<RecordedEvent[]> {
  for (let after: bigint | undefined; ;) {
    signal?.throwIfAborted();
    const page = (await readAllAfter(store, after, PAGE)).filter((e) => e.position <= head);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
    if (after >= head) return;
  }
}

/** The source's chains, revisions and positions, as `npm run audit -- verify` checks them. */
export async function verifySource(store: EventStore, head: bigint, progress: Progress, signal?: AbortSignal): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  // Positions stand in for counts here (a gap-free log: position n is the n-th event); -1: empty log.
  const last = Math.max(0, Number(head));
  progress.start('verify source', last);
  let done = 0;
  for await (const page of pagesUpTo(store, head, signal)) {
    for (const e of page) verifier.check(e);
    done += page.length;
    progress.update(Number(page[page.length - 1].position));
  }
  progress.update(last);
  progress.stop();
  const report = verifier.report();
  return { ...report, events: done };
}

export interface TargetCheck {
  chains: VerifyReport;
  found: StoreTally;
  /** Events whose identity, metadata or decrypted data differ from the source's (first few, described without values). */
  differences: string[];
  /** Personal values (per the policy) still in clear in the new store: must be 0. */
  plaintextFields: number;
}

/**
 * Reads the new store back in $all order beside the source: same ids, streams, revisions, positions,
 * types, record times and metadata (the chain aside); every personal value in the new store an
 * envelope that decrypts (with the new keys.db) to the source's value, or to "erased" where the
 * subject was erased; and every stream's chain recomputed over the ciphertext.
 */
export async function checkTarget(
  source: EventStore, target: EventStore, head: bigint, total: number, keys: SubjectKeyStore, policy: PersonalDataPolicy, progress: Progress,
  signal?: AbortSignal,
): Promise<TargetCheck> {
  const verifier = new ChainVerifier();
  const found = new StoreTally();
  const differences: string[] = [];
  const differ = (e: RecordedEvent, what: string) => differences.length < 20 && differences.push(`position ${e.position} (stream ${e.streamId}): ${what}`);
  let plaintextFields = 0;
  progress.start('verify copy', total);
  const targetPages = pagesUpTo(target, BigInt(Number.MAX_SAFE_INTEGER));
  for await (const page of pagesUpTo(source, head, signal)) {
    const next = await targetPages.next();
    const copy = next.done ? [] : next.value;
    if (copy.length !== page.length) {
      differences.push(`after position ${page[0].position}: ${page.length} source events, ${copy.length} in the new store`);
      break;
    }
    const [opened, original] = await Promise.all([decryptEvents(keys, copy), decryptEvents(keys, page)]);
    for (let i = 0; i < page.length; i++) {
      const s = page[i];
      const t = copy[i];
      verifier.check(t);
      found.add(t.streamId, chainOf(t.metadata)?.hash ?? null);
      plaintextFields += countPersonalFields(policy, t.type, t.data).plain;
      if (t.id !== s.id || t.streamId !== s.streamId || t.revision !== s.revision || t.position !== s.position || t.type !== s.type) differ(s, 'identity differs');
      else if (t.recordedAt !== s.recordedAt) differ(s, 'record time differs');
      else if (canonicalJson(t.metadata, 'chain') !== canonicalJson(s.metadata, 'chain')) differ(s, 'metadata differs');
      else if (!sameOrErased(original[i].data, opened[i].data)) differ(s, 'decrypted data differs from the source');
    }
    progress.update(found.events);
  }
  const rest = await targetPages.next();
  if (!rest.done) differences.push(`the new store holds events after the source's last position ${head}`);
  progress.stop();
  return { chains: verifier.report(), found, differences, plaintextFields };
}

/** Deep JSON equality, where an "erased" marker in the copy stands for whatever the source held. */
export function sameOrErased(source: JsonValue | undefined, copy: JsonValue | undefined): boolean {
  if (isRedacted(copy) && copy.$redacted === 'erased') return true;
  if (source === copy) return true;
  if (source === null || copy === null || typeof source !== 'object' || typeof copy !== 'object') return false;
  if (Array.isArray(source) !== Array.isArray(copy)) return false;
  if (Array.isArray(source) && Array.isArray(copy)) {
    return source.length === copy.length && source.every((v, i) => sameOrErased(v, copy[i]));
  }
  const a = source as Record<string, JsonValue>;
  const b = copy as Record<string, JsonValue>;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameOrErased(a[k], b[k]));
}

// In-memory transaction log behind the EventStoreDB protocol emulator (test support, not a server).
// It keeps only what the gRPC surface needs: per-stream revisions, one $all order and log positions.
//
// Faithful: each event gets its own log position and commit === prepare, as a v20+ server does for
// gRPC appends (every event is an implicitly committed prepare record); positions are byte-like and
// have gaps, so callers cannot assume position + 1 is the next event; idempotent re-appends of the
// same event ids at the same place succeed without writing anything.
// Not faithful: no chunks/scavenging, no soft delete or tombstones, no stream metadata ($$ streams,
// max-count, max-age, truncate-before), no ACLs, no explicit (TCP-era) transactions. The only
// system events are the few seeded at start-up so that readers must skip '$' types and streams.
import { EventEmitter } from 'node:events';

export interface StoredEvent {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** Log position; commit and prepare positions are both this value. */
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server's `created` metadata entry. */
  createdTicks: bigint;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export type Expected = { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  | { ok: true; currentRevision: bigint; position: bigint }
  | { ok: false; expected: Expected; currentRevision: bigint | undefined };

const TICKS_PER_MS = 10_000n;
/** Where user data starts: a real log begins with epoch and system records. */
const FIRST_POSITION = 4_096n;
/** Rough size of a prepare record's fixed part, so positions look like byte offsets. */
const RECORD_OVERHEAD = 128n;

export class EmulatedLog {
  readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /** Committed events by id, for the idempotency check of `any` / `stream_exists` retries. */
  private readonly byId = new Map<string, StoredEvent>();
  private nextPosition = FIRST_POSITION;
  /** Emits 'appended' after every successful write so live subscriptions can pump. */
  readonly events = new EventEmitter();

  constructor() {
    this.events.setMaxListeners(0);
  }

  stream(streamId: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  append(streamId: string, expected: Expected, proposed: ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(streamId) ?? [];
    const current = existing.length ? BigInt(existing.length - 1) : undefined;

    const replay = this.idempotentReplay(streamId, existing, expected, proposed);
    if (replay) return replay;

    const conflict =
      (expected.kind === 'no_stream' && current !== undefined) ||
      (expected.kind === 'stream_exists' && current === undefined) ||
      (expected.kind === 'revision' && expected.revision !== current);
    if (conflict) return { ok: false, expected, currentRevision: current };

    if (proposed.length === 0) {
      // The server acknowledges an empty write with the stream's state and no new position.
      return { ok: true, currentRevision: current ?? -1n, position: this.lastPosition() };
    }
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MS;
    for (const p of proposed) {
      const event: StoredEvent = {
        ...p,
        streamId,
        revision: BigInt(existing.length),
        position: this.nextPosition,
        createdTicks,
      };
      this.nextPosition += RECORD_OVERHEAD + BigInt(p.data.length + p.customMetadata.length + streamId.length + p.type.length);
      existing.push(event);
      this.all.push(event);
      this.byId.set(event.id, event);
    }
    this.streams.set(streamId, existing);
    this.events.emit('appended');
    const last = existing[existing.length - 1];
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  /**
   * A retried write (same event ids) after a lost acknowledgement, answered as the server's
   * IndexWriter.CheckCommit does (src/EventStore.Core/Services/Storage/ReaderIndex/IndexWriter.cs,
   * EventStore/EventStore 25.0):
   * - expected `any` or `stream_exists`: every id is looked up among the stream's committed events; the
   *   first one unknown means a new write (Ok), a later one unknown is CorruptedIdempotency; all known
   *   is Idempotent.
   * - an expected revision below the current one (`no_stream` is -1): the events right after it must
   *   carry the ids in order; the first differing means WrongExpectedVersion, a later one (or running
   *   past the head) CorruptedIdempotency; all matching is Idempotent, whatever was appended since.
   * - expected == current: a new write; above current: WrongExpectedVersion.
   * Idempotent answers success with the retried events' last revision and position, writing nothing;
   * CorruptedIdempotency is answered as WrongExpectedVersion (StorageWriterService.ActOnCommitCheckFailure).
   * Not faithful: the server remembers ids for `any` in a bounded cache (8M, ESConsts.CommitedEventsMemCacheLimit); here all.
   */
  private idempotentReplay(streamId: string, existing: StoredEvent[], expected: Expected, proposed: ProposedEvent[]): AppendOutcome | undefined {
    if (proposed.length === 0 || existing.length === 0) return undefined;
    const current = BigInt(existing.length - 1);
    const corrupted: AppendOutcome = { ok: false, expected, currentRevision: current };
    let matched: StoredEvent[];
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      matched = [];
      for (const p of proposed) {
        const known = this.byId.get(p.id);
        if (!known || known.streamId !== streamId) return matched.length === 0 ? undefined : corrupted;
        matched.push(known);
      }
    } else {
      const after = expected.kind === 'no_stream' ? -1n : expected.revision;
      if (after >= current) return undefined;
      matched = existing.slice(Number(after) + 1, Number(after) + 1 + proposed.length);
      if (matched[0].id !== proposed[0].id) return undefined; // the conflict check answers WrongExpectedVersion
      if (matched.length < proposed.length || matched.some((e, i) => e.id !== proposed[i].id)) return corrupted;
    }
    const last = matched[matched.length - 1];
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  lastPosition(): bigint {
    return this.all.length ? this.all[this.all.length - 1].position : 0n;
  }

  /** Index of the first event whose position is >= position (binary search: positions are sorted). */
  indexAtOrAfter(position: bigint): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.all[mid].position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Seeds the kind of '$' records a fresh real server already has in $all. */
  seedSystemEvents(): void {
    const json = (o: object) => new TextEncoder().encode(JSON.stringify(o));
    const sys = (type: string, data: object): ProposedEvent => ({
      id: crypto.randomUUID(),
      type,
      contentType: 'application/json',
      data: json(data),
      customMetadata: new Uint8Array(),
    });
    this.append('$settings', { kind: 'any' }, [sys('$settings', { $userStreamAcl: {}, $systemStreamAcl: {} })]);
    this.append('$scavenges', { kind: 'any' }, [sys('$scavengeIndexInitialized', {})]);
  }
}

/**
 * Folded aggregate states by stream. handleCommand decides on a hit without reading the store at all;
 * the append's expected revision proves the cached state was current, and every outcome the cache
 * could have got wrong (a conflict, a rejection, a no-op) is re-decided after reading what was
 * appended since the cached revision. An entry is the fold of its stream up to its revision, which
 * is all that makes that sound: only readState and a landed append put states here.
 *
 * Bounded twice, least recently used out first: by entries, and by the events folded into them
 * (revision + 1), because a state's memory grows with its stream: 10,000 entries of long cases would
 * hold gigabytes, 10,000 new ones a few megabytes (ADR 33 measures ~0.7 KiB of heap per folded event).
 */
export class StateCache<State> {
  // hash: the stream's last chain hash, so a hit can chain the next append without re-reading.
  private readonly entries = new Map<string, { state: State; revision: bigint; hash?: string | null; weight: number }>();
  private weight = 0;
  /** Lookups answered from memory, and lookups that had to read and fold the stream (for /metrics). */
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 10_000, private readonly maxEvents = Number.POSITIVE_INFINITY) {}

  get(streamId: string): { state: State; revision: bigint; hash?: string | null } | undefined {
    const hit = this.entries.get(streamId);
    if (hit) {
      this.hits++;
      // Re-insert to keep Map order as least-recently-used first.
      this.entries.delete(streamId);
      this.entries.set(streamId, hit);
    } else {
      this.misses++;
    }
    return hit;
  }

  set(streamId: string, state: State, revision: bigint, hash?: string | null): void {
    this.delete(streamId);
    // A stream's events folded: revision is the last one's (−1n before the first).
    const weight = Math.max(1, Number(revision) + 1);
    this.entries.set(streamId, { state, revision, hash, weight });
    this.weight += weight;
    // The newest entry always stays: a stream longer than the whole budget still decides from memory
    // while it is the one being written.
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.weight > this.maxEvents)) {
      this.delete(this.entries.keys().next().value as string);
    }
  }

  delete(streamId: string): void {
    const entry = this.entries.get(streamId);
    if (!entry) return;
    this.entries.delete(streamId);
    this.weight -= entry.weight;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Events folded into the states held: what the memory bound counts. */
  get events(): number {
    return this.weight;
  }
}

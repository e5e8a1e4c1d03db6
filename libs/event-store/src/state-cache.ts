/**
 * Folded aggregate states by stream. handleCommand decides on a hit without reading the store at all;
 * the append's expected revision proves the cached state was current, and every outcome the cache
 * could have got wrong (a conflict, a rejection, a no-op) is re-decided after reading what was
 * appended since the cached revision. An entry is the fold of its stream up to its revision, which
 * is all that makes that sound: only readState and a landed append put states here.
 */
export class StateCache<State> {
  // hash: the stream's last chain hash, so a hit can chain the next append without re-reading.
  private readonly entries = new Map<string, { state: State; revision: bigint; hash?: string | null }>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): { state: State; revision: bigint; hash?: string | null } | undefined {
    const hit = this.entries.get(streamId);
    if (hit) {
      // Re-insert to keep Map order as least-recently-used first.
      this.entries.delete(streamId);
      this.entries.set(streamId, hit);
    }
    return hit;
  }

  set(streamId: string, state: State, revision: bigint, hash?: string | null): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { state, revision, hash });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}

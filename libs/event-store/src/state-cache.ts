/**
 * Folded aggregate states by stream, so a command on a long case stream reads only the events
 * appended since the cached revision instead of the whole history. Always validated against the
 * store: a hit is caught up by reading forward, and the append's expected revision still guards
 * against any writer the cache has not seen.
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

/**
 * Least-recently-used keys, bounded: the command path and readers find a subject's key without SQLite
 * (or a KMS round trip), and a process that meets millions of subjects keeps at most `capacity` keys
 * in memory. A Map iterates in insertion order, so re-inserting on a hit keeps the oldest first.
 */
export class KeyCache {
  private readonly entries = new Map<string, Buffer>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 0)) throw new RangeError('capacity must be ≥ 0');
  }

  get(subject: string): Buffer | undefined {
    const key = this.entries.get(subject);
    if (key !== undefined) {
      this.entries.delete(subject);
      this.entries.set(subject, key);
    }
    return key;
  }

  set(subject: string, key: Buffer): void {
    if (this.capacity === 0) return;
    this.entries.delete(subject);
    this.entries.set(subject, key);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(subject: string): void {
    this.entries.delete(subject);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

import { SqliteEventStore } from '@liaison/event-store';
import { caseEvents, type BenchEvent, type ReadAllResult, type StoreSubject } from './subject.js';

const SEED_BATCH = 1000;
/** Appends issued in the same tick share one group-committed transaction; this many per tick. */
const SEED_PARALLEL = 20;

export class LiaisonSubject implements StoreSubject {
  readonly name = 'Liaison';
  private readonly store: SqliteEventStore;

  constructor(file: string) {
    this.store = new SqliteEventStore({ file });
  }

  async appendOne(stream: string, event: BenchEvent): Promise<void> {
    await this.store.append(stream, [event]);
  }

  async appendMany(stream: string, events: BenchEvent[]): Promise<void> {
    await this.store.append(stream, events);
  }

  async seed(from: number, total: number, deadline: number): Promise<number> {
    let seeded = 0;
    while (seeded < total && performance.now() < deadline) {
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < SEED_PARALLEL && seeded < total; i++) {
        const n = Math.min(SEED_BATCH, total - seeded);
        calls.push(this.store.append(`case-seed${(from + seeded) / SEED_BATCH}`, caseEvents(from + seeded, n)));
        seeded += n;
      }
      await Promise.all(calls);
    }
    return seeded;
  }

  async readAll(pageSize: number): Promise<ReadAllResult> {
    let count = 0;
    let checksum = 0;
    let from: bigint | 'start' = 'start';
    for (;;) {
      const page = await this.store.readAll({ fromPosition: from, maxCount: pageSize });
      for (const e of page) checksum += e.data.seq as number;
      count += page.length;
      if (page.length < pageSize) return { count, checksum };
      // fromPosition is inclusive (EventStoreDB semantics), so resume just past the last one.
      from = page[page.length - 1].position + 1n;
    }
  }

  /** Group-commit counters, to tell "fsync bound" from "batches too small" when a target is missed. */
  commitStats(): { commits: number; appends: number } {
    return { ...this.store.stats };
  }

  async readStream(stream: string): Promise<number> {
    return (await this.store.readStream(stream)).length;
  }

  async durability(): Promise<string> {
    return `journal_mode=${String(this.store.pragma('journal_mode'))}, synchronous=${syncName(this.store.pragma('synchronous'))}`;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

export function syncName(v: unknown): string {
  const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
  return typeof v === 'number' && names[v] !== undefined ? `${names[v]}(${v})` : String(v);
}

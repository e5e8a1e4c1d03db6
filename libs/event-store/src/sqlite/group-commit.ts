import type Database from 'better-sqlite3';
import type { AppendResult } from '../event-store.port.js';
import { appendOne, type AppendRequest } from './sqlite-append.js';
import type { Statements } from './sqlite-schema.js';

interface Pending extends AppendRequest {
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommitStats {
  /** Transactions committed (each is one fsync of the WAL). */
  commits: number;
  /** Appends (successful or conflicting) carried by those transactions. */
  appends: number;
}

/**
 * Appends arriving in the same tick share one transaction and therefore one fsync. Each append
 * runs in its own savepoint so a conflict only undoes that append, and later appends in the batch
 * see earlier ones. Promises settle only after COMMIT returned, i.e. after the data is durable.
 */
export class GroupCommit {
  readonly stats: GroupCommitStats = { commits: 0, appends: 0 };
  private queue: Pending[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly st: Statements,
    private readonly onCommitted: () => void,
  ) {}

  enqueue(req: AppendRequest): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...req, resolve, reject });
      this.scheduled ??= setImmediate(this.flush);
    });
  }

  readonly flush = (): void => {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const results = new Array<AppendResult | undefined>(batch.length);
    const errors = new Array<unknown>(batch.length);
    const recordedAt = new Date().toISOString();
    const headPosition = (): number => (this.st.head.get() as number | null) ?? -1;
    const { st } = this;
    try {
      st.begin.run();
      for (let i = 0; i < batch.length; i++) {
        st.savepoint.run();
        try {
          results[i] = appendOne(st, batch[i], recordedAt, headPosition);
          st.release.run();
        } catch (e) {
          st.rollbackTo.run();
          st.release.run();
          errors[i] = e;
        }
      }
      st.commit.run();
    } catch (e) {
      this.abort();
      for (const p of batch) p.reject(e);
      return;
    }
    this.stats.commits++;
    this.stats.appends += batch.length;
    let committedAny = false;
    for (let i = 0; i < batch.length; i++) {
      const r = results[i];
      if (r === undefined) batch[i].reject(errors[i]);
      else {
        committedAny = true;
        batch[i].resolve(r);
      }
    }
    if (committedAny) this.onCommitted();
  };

  private abort(): void {
    try {
      if (this.db.inTransaction) this.st.rollback.run();
    } catch {
      // The connection is already unusable; the callers get the original error.
    }
  }
}

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { EventStore } from '@liaison/event-store';
import { PositionWaiters, type ProjectionStatus } from '@liaison/projections';
import type { AppConfig } from '../../config/app.config.js';
import type { ProjectionsReader } from './projections-reader.js';
import type { FromWorker, ProgressMessage, WorkerInit } from './projection-worker.protocol.js';

/**
 * The main thread's view of projections that run in a worker: checkpoints arrive by message after each
 * commit there, and queries run on read-only connections to the same files. A query reads the
 * checkpoint inside the same read transaction, so its `readAt` is exact even while the worker writes.
 */
export class ProjectionWorkerClient implements ProjectionsReader {
  private worker: Worker | undefined;
  private last: ProgressMessage | undefined;
  private readonly connections = new Map<string, { file: string; db: Database.Database }>();
  private readonly waiters = new PositionWaiters();
  private unsubscribe: (() => void) | undefined;
  private stopped: Promise<void> | undefined;
  private onFirstProgress: ((error?: Error) => void) | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly dir: string,
    private readonly store: EventStore,
    private readonly entry: URL,
  ) {}

  get caughtUpAt(): number | undefined {
    return this.last?.caughtUpAt ?? undefined;
  }

  /** Resolves when the worker reported its files, so no query can arrive before they are open. */
  start(): Promise<void> {
    const init: WorkerInit = { config: this.config, dir: this.dir };
    const ready = new Promise<void>((resolve, reject) => {
      this.onFirstProgress = (error) => (error ? reject(error) : resolve());
    });
    this.worker = new Worker(this.entry, { workerData: init });
    this.worker.on('message', (m: FromWorker) => this.onMessage(m));
    this.worker.on('error', (e) => {
      this.onFirstProgress?.(e);
      this.failAll();
    });
    // One message per group commit, not per event: the hint fires once per transaction.
    this.unsubscribe = this.store.onCommitted?.(() => this.worker?.postMessage({ type: 'wake' }));
    return ready;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    const worker = this.worker;
    if (worker && !this.stopped) {
      this.stopped = new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once('exit', () => { clearTimeout(timer); resolve(); });
        worker.on('message', (m: FromWorker) => { if (m.type === 'stopped') void worker.terminate(); });
        worker.postMessage({ type: 'stop' });
      });
    }
    await this.stopped;
    for (const c of this.connections.values()) c.db.close();
    this.connections.clear();
    this.failAll();
  }

  position(): bigint {
    const cps = Object.values(this.last?.checkpoints ?? {});
    return cps.length ? cps.map(BigInt).reduce((a, b) => (b < a ? b : a)) : -1n;
  }

  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.waiters.wait(this.position(), position, timeoutMs);
  }


  status(): ProjectionStatus[] {
    const m = this.last;
    if (!m) return [];
    return Object.keys(m.checkpoints).map((name) => ({
      name,
      version: m.versions[name],
      file: path.basename(m.files[name] ?? ''),
      checkpoint: BigInt(m.checkpoints[name]),
      ...(m.errors[name] ? { error: m.errors[name] } : {}),
      ...(m.rebuilding[name] ? { rebuilding: { version: m.rebuilding[name].version, checkpoint: BigInt(m.rebuilding[name].checkpoint) } } : {}),
    }));
  }

  snapshot<T>(name: string, query: (db: Database.Database) => T): { readAt: bigint; data: T } {
    const db = this.connection(name);
    const read = db.transaction(() => {
      const row = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number | bigint };
      return { readAt: BigInt(row.position), data: query(db) };
    });
    return read();
  }

  private connection(name: string): Database.Database {
    const file = this.last?.files[name];
    if (!file) throw new Error(`Projection ${name} is not available yet`);
    const open = this.connections.get(name);
    if (open && open.file === file) return open.db;
    open?.db.close();
    const db = new Database(file, { readonly: true, fileMustExist: true });
    this.connections.set(name, { file, db });
    return db;
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'failed') this.onFirstProgress?.(new Error(`projection worker failed to start: ${m.message}`));
    if (m.type !== 'progress') return;
    this.last = m;
    this.onFirstProgress?.();
    this.onFirstProgress = undefined;
    this.waiters.advance(this.position());
  }

  private failAll(): void {
    this.waiters.failAll();
  }
}

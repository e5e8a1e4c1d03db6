import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../worker-thread.js';
import type { AppendResult } from '../event-store.port.js';
import type { AppendRequest } from './sqlite-append.js';
import type { GroupCommitStats } from './group-commit.js';
import { StorageFault, StorageUnavailable } from '../storage-faults.js';
import { decodeError, type FromWriter, type ToWriter, type WriterInit } from './sqlite-writer.protocol.js';

export interface WriterSettings {
  synchronous: number;
  journalMode: string;
}

interface Pending {
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit on a writer thread. Appends issued in one tick travel in one message; the writer
 * batches whatever arrived while it was busy into one transaction. Promises settle when the
 * writer's reply arrives, i.e. after its COMMIT (and fsync) returned.
 */
export class ThreadedCommit {
  readonly stats: GroupCommitStats = { commits: 0, appends: 0 };
  private started: { worker: Worker; ready: Promise<WriterSettings>; exited: Promise<void> } | undefined;
  private readonly pending = new Map<number, Pending>();
  private outbox: (AppendRequest & { id: number })[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private nextId = 1;
  private failure: Error | undefined;

  constructor(
    private readonly file: string,
    private readonly commitSignal: SharedArrayBuffer,
    private readonly onCommitted: () => void,
  ) {}

  /** The writer's durability settings; starts the thread if nothing has yet. */
  get ready(): Promise<WriterSettings> {
    return this.start().ready;
  }

  // Started on first use: a store opened only to read (a projection worker, a CLI) never pays for it.
  private start(): NonNullable<ThreadedCommit['started']> {
    if (this.started) return this.started;
    const worker = startWorkerThread(import.meta.url, 'sqlite-writer.worker', { file: this.file, commitSignal: this.commitSignal } satisfies WriterInit);
    worker.unref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const ready = new Promise<WriterSettings>((resolve, reject) => {
      worker.on('message', (m: FromWriter) => {
        if (m.type === 'ready') resolve({ synchronous: m.synchronous, journalMode: m.journalMode });
        else if (m.type === 'failed') {
          const cause = decodeError(m.error);
          const e = cause instanceof StorageFault ? cause : new Error(`event store writer failed to open: ${m.message}`);
          reject(e);
          this.fail(e);
        } else if (m.type === 'results') this.settle(m);
      });
      worker.on('error', (e) => {
        reject(e);
        this.fail(e);
      });
    });
    ready.catch(() => undefined);
    // Nothing can be committed any more; callers see a fault they can answer 503 to, not a bug.
    void exited.then(() => this.fail(new StorageUnavailable('WRITER_STOPPED', 'event store writer stopped')));
    this.started = { worker, ready, exited };
    return this.started;
  }

  /** Throws once the writer thread has failed or stopped: no append could be committed any more. */
  assertAlive(): void {
    if (this.failure) throw this.failure;
  }

  enqueue(req: AppendRequest): Promise<AppendResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<AppendResult>((resolve, reject) => {
      const id = this.nextId++;
      if (this.pending.size === 0) this.start().worker.ref();
      this.pending.set(id, { resolve, reject });
      this.outbox.push({ ...req, id });
      this.scheduled ??= setImmediate(this.send);
    });
  }

  /** Sends what is queued, lets the writer commit it, and stops the thread. */
  async close(): Promise<void> {
    const started = this.started;
    if (!started) return;
    this.send();
    if (!this.failure) started.worker.postMessage({ type: 'close' } satisfies ToWriter);
    started.worker.ref();
    await started.exited;
  }

  private readonly send = (): void => {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.outbox.length === 0 || this.failure) return;
    const requests = this.outbox;
    this.outbox = [];
    this.start().worker.postMessage({ type: 'append', requests } satisfies ToWriter);
  };

  private settle(m: Extract<FromWriter, { type: 'results' }>): void {
    this.stats.commits = m.commits;
    this.stats.appends = m.appends;
    for (const r of m.replies) {
      const p = this.pending.get(r.id);
      if (!p) continue;
      this.pending.delete(r.id);
      if ('result' in r) p.resolve(r.result);
      else p.reject(decodeError(r.error));
    }
    if (this.pending.size === 0) this.started?.worker.unref();
    if (m.committed) this.onCommitted();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
    this.outbox = [];
  }
}

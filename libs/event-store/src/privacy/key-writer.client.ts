import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../worker-thread.js';
import { StorageUnavailable } from '../storage-faults.js';
import { decodeError } from '../sqlite/sqlite-writer.protocol.js';
import type { StoredRow } from './sqlite-key-schema.js';
import type { FromKeyWriter, ToKeyWriter } from './key-writer.worker.js';

/** Sends groups of key creations to the creation thread (started on first use) and settles their promises on its replies. */
export class KeyWriterClient {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (rows: Map<string, StoredRow>) => void; reject: (e: unknown) => void }>();
  private nextId = 1;

  constructor(private readonly file: string) {}

  create(fresh: ReadonlyMap<string, Buffer>, now: string): Promise<Map<string, StoredRow>> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'create', id, fresh: [...fresh], now } satisfies ToKeyWriter);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToKeyWriter);
    worker.ref();
    await exited;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorkerThread(import.meta.url, 'key-writer.worker', { file: this.file });
    worker.unref();
    worker.on('message', (m: FromKeyWriter) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.type === 'created') p.resolve(new Map(m.rows.map(([s, row]) => [s, 'wrapped' in row ? { wrapped: Buffer.from(row.wrapped) } : row])));
      else p.reject(decodeError(m.error));
    });
    // A thread that died cannot commit: callers get a storage fault they can answer 503 to.
    const fail = (e: unknown) => {
      for (const p of this.pending.values()) p.reject(e instanceof Error ? new StorageUnavailable('KEY_WRITER_STOPPED', `key store writer stopped: ${e.message}`) : e);
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('exited')));
    this.worker = worker;
    return worker;
  }
}

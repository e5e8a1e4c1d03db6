import { Worker } from 'node:worker_threads';
import type { FromWorker, ProgressMessage, WorkerInit } from './projection-worker.protocol.js';

/** One projection worker thread: its latest progress report, wake-ups, and a bounded stop. */
export class ProjectionWorkerHandle {
  last: ProgressMessage | undefined;
  private worker: Worker | undefined;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly entry: URL,
    private readonly init: WorkerInit,
    private readonly onProgress: () => void,
    private readonly onFailure: (error: Error) => void,
  ) {}

  /** Resolves on the worker's first progress report (its files are open), rejects if it cannot start. */
  start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let first = true;
      const worker = new Worker(this.entry, { workerData: this.init });
      this.worker = worker;
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'failed') reject(new Error(`projection worker failed to start: ${m.message}`));
        if (m.type !== 'progress') return;
        this.last = m;
        if (first) {
          first = false;
          resolve();
        }
        this.onProgress();
      });
      worker.on('error', (e) => {
        reject(e);
        this.onFailure(e);
      });
    });
  }

  wake(): void {
    this.worker?.postMessage({ type: 'wake' });
  }

  stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.stopped ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'stopped') void worker.terminate();
      });
      worker.postMessage({ type: 'stop' });
    });
    return this.stopped;
  }
}

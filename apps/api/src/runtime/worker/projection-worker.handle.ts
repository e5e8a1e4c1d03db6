import { Worker } from 'node:worker_threads';
import type { FromWorker, ProgressMessage, WorkerInit } from './projection-worker.protocol.js';

const FIRST_RESTART_MS = 500;
const MAX_RESTART_MS = 30_000;

/**
 * One projection worker thread: its latest progress report, wake-ups, and a bounded stop. A thread
 * that dies (an uncaught error, an out-of-memory abort) is started again with backoff; its files
 * keep their checkpoints, so the new thread continues where the old one committed last.
 */
export class ProjectionWorkerHandle {
  last: ProgressMessage | undefined;
  /** Why the thread is down while it waits to be restarted; undefined while it runs. */
  down: string | undefined;
  private worker: Worker | undefined;
  private stopped: Promise<void> | undefined;
  private restartMs = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly entry: URL,
    private readonly init: WorkerInit,
    private readonly onProgress: () => void,
    private readonly onFailure: (error: Error) => void,
  ) {}

  get projections(): readonly string[] {
    return this.init.projections;
  }

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
          this.down = undefined;
          this.restartMs = 0;
          resolve();
        }
        this.onProgress();
      });
      worker.on('error', (e) => {
        reject(e);
        this.onFailure(e);
      });
      worker.on('exit', (code) => {
        if (this.stopped || this.worker !== worker) return;
        this.down = `exited with code ${code}`;
        reject(new Error(`projection worker ${this.down}`));
        this.scheduleRestart();
      });
    });
  }

  wake(): void {
    this.worker?.postMessage({ type: 'wake' });
  }

  stop(): Promise<void> {
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.down) return void worker.terminate().then(() => resolve());
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

  private scheduleRestart(): void {
    this.restartMs = this.restartMs === 0 ? FIRST_RESTART_MS : Math.min(this.restartMs * 2, MAX_RESTART_MS);
    this.restartTimer = setTimeout(() => {
      if (!this.stopped) this.start().catch(() => undefined);
    }, this.restartMs);
    this.restartTimer.unref();
  }
}

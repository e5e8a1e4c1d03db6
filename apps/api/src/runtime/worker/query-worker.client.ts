import { Worker } from 'node:worker_threads';
import type { JsonObject } from '@liaison/event-store';
import type { Viewer } from '@liaison/projections';
import type { ThreadJob } from './thread-job.js';
import type { AuditRequest, FromQueryWorker, QueryReply, QueryRequest, QueryWorkerInit } from './query-worker.protocol.js';
import { fromWorkerError } from './worker-error.revive.js';

interface Pending {
  resolve: (reply: QueryReply) => void;
  reject: (error: Error) => void;
}

interface Running {
  worker: Worker;
  /** Per worker: a worker that dies fails only the queries it had been given. */
  pending: Map<number, Pending>;
  ready: Promise<void>;
}

/** Thrown for queries lost with a query thread that died; the service answers 500 and starts another. */
export class QueryWorkerFailed extends Error {
  override readonly name = 'QueryWorkerFailed';
}

/**
 * The request thread's side of a query thread: posts catalogued queries and audit jobs, matches
 * answers by id, and turns the thread's errors back into the kinds the gateway maps (worker-error.ts).
 */
export class QueryWorkerClient {
  private running: Running | undefined;
  private nextId = 0;
  private stopped = false;

  constructor(private readonly entry: URL, private readonly init: QueryWorkerInit) {}

  /** Starts the thread ahead of the first query (otherwise the first query starts it). */
  start(): Promise<void> {
    return this.current().ready;
  }

  async run(request: { projection: string; file: string; query: string; params: JsonObject; viewer: Viewer; now: string }): Promise<{ readAt: bigint; data: unknown }> {
    const reply = await this.post((id) => ({ type: 'query', id, ...request }));
    if (reply.type !== 'answer') throw new Error(`query thread answered a query with ${reply.type}`);
    return { readAt: BigInt(reply.readAt), data: reply.data };
  }

  async audit(job: ThreadJob): Promise<unknown> {
    const reply = await this.post((id) => ({ type: 'audit', id, job }));
    if (reply.type !== 'done') throw new Error(`query thread answered an audit job with ${reply.type}`);
    return reply.result;
  }

  private post(message: (id: number) => QueryRequest | AuditRequest): Promise<QueryReply> {
    if (this.stopped) return Promise.reject(new QueryWorkerFailed('the query thread is stopped'));
    const { worker, pending } = this.current();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage(message(id));
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const running = this.running;
    this.running = undefined;
    if (running) await running.worker.terminate();
  }

  private current(): Running {
    this.running ??= this.spawn();
    return this.running;
  }

  private spawn(): Running {
    const worker = new Worker(this.entry, { workerData: this.init });
    const pending = new Map<number, Pending>();
    let onReady: () => void = () => undefined;
    let onFailure: (e: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFailure = reject;
    });
    const running: Running = { worker, pending, ready };
    worker.on('message', (m: FromQueryWorker) => {
      if (m.type === 'ready') return onReady();
      settle(pending, m);
    });
    const fail = (e: Error) => {
      if (this.running === running) this.running = undefined;
      onFailure(e);
      for (const p of pending.values()) p.reject(new QueryWorkerFailed(`query thread failed: ${e.message}`));
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    // A failed start must not surface as an unhandled rejection when nobody awaited start().
    ready.catch(() => undefined);
    return running;
  }
}

function settle(pending: Map<number, Pending>, reply: QueryReply): void {
  const p = pending.get(reply.id);
  if (!p) return;
  pending.delete(reply.id);
  if (reply.type === 'error') p.reject(fromWorkerError(reply.error));
  else p.resolve(reply);
}

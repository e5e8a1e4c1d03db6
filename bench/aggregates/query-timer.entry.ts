// Times catalogued queries on a thread of their own, the way the service's query thread runs them
// (threads/query-worker.entry.ts): the same ReadModelConnections snapshot (checkpoint and rows in one
// read transaction) and the same catalogue function. The message hop is left out: it is the same
// few tens of µs for every query and is not what the aggregates' targets are about.
import { parentPort, workerData } from 'node:worker_threads';
import type { JsonObject } from '@liaison/event-store';
import { isQueryName, runRecordedQuery } from '../../apps/api/src/access/query-catalog.js';
import { ReadModelConnections } from '../../apps/api/src/runtime/worker/read-model-connections.js';

export interface TimedAsk {
  label: string;
  projection: string;
  file: string;
  query: string;
  params: JsonObject;
  viewer: string;
}

export interface QueryTimerInit {
  asks: TimedAsk[];
  /** Rounds; each round asks every ask once, in order, so machine noise hits every ask alike. */
  rounds: number;
  now: string;
}

const port = parentPort;
if (!port) throw new Error('query-timer.entry must run in a worker thread');
const { asks, rounds, now } = workerData as QueryTimerInit;
const connections = new ReadModelConnections();
const latencies = asks.map(() => [] as number[]);
const rows = asks.map(() => 0);
for (let r = 0; r < rounds; r++) {
  asks.forEach((a, i) => {
    if (!isQueryName(a.query)) throw new Error(`unknown query ${a.query}`);
    const query = a.query;
    const t0 = performance.now();
    const { data } = connections.snapshot(a.projection, a.file, (db) => runRecordedQuery(query, { db, viewer: { country: a.viewer }, now }, a.params));
    latencies[i].push(performance.now() - t0);
    const items = (data as { items?: unknown[] }).items;
    rows[i] = Array.isArray(items) ? items.length : 1;
  });
}
connections.close();
port.postMessage({ latencies, rows });

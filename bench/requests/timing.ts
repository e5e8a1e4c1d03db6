// The series over HTTP on the built service's query thread (auth, purpose, validation, the access
// record appended for every read, the query, the answer), and the same query functions alone
// in-process on read-only connections, for comparison.
import Database from 'better-sqlite3';
import { deadlinesBoard, informationExchangeStatistics } from '@liaison/projections';
import { activeReadModelFile } from '../support/store-cache.js';
import { expectStatus, request } from '../referrals/http.js';
import type { Ask, Viewer } from './queries.js';

export interface SeriesTimes {
  name: string;
  ms: number[];
  /** Items (board) or received requests (statistics) per answer, on average. */
  size: number;
}

const PURPOSE = { 'x-purpose': 'Benchmark of the deadlines board (fictional data)' };

const sizeOf = (a: Ask, body: unknown): number => a.query === 'deadlines'
  ? (body as { items: unknown[] }).items.length
  : (body as { received: { total: number } }).received.total;

/** Round robin over the series, one answer at a time, `warmUp` rounds unmeasured first. */
async function roundRobin(series: readonly ((i: number) => Ask)[], count: number, warmUp: number, answer: (a: Ask) => Promise<{ ms: number; size: number }>): Promise<SeriesTimes[]> {
  const out = series.map((s): SeriesTimes => ({ name: s(0).name, ms: [], size: 0 }));
  for (let i = 0; i < warmUp + count; i++) {
    for (let k = 0; k < series.length; k++) {
      const r = await answer(series[k](i));
      if (i < warmUp) continue;
      out[k].ms.push(r.ms);
      out[k].size += r.size / count;
    }
  }
  return out;
}

/**
 * The series over HTTP, and after each round `GET /health` (no auth, no query thread, no access record):
 * the floor of an answer from this service on this machine at this moment, for comparison.
 */
export async function timeHttp(url: string, tokens: Record<string, string>, series: readonly ((i: number) => Ask)[], count: number, warmUp: number, path: (a: Ask) => string): Promise<{ series: SeriesTimes[]; floor: number[] }> {
  const floor: number[] = [];
  let answers = 0;
  const times = await roundRobin(series, count, warmUp, async (a) => {
    const res = expectStatus(a.name, await request<{ data: unknown }>(`${url}${path(a)}`, tokens[a.country], { headers: a.query === 'deadlines' ? PURPOSE : {} }), 200);
    if (++answers % series.length === 0 && answers > warmUp * series.length) floor.push(expectStatus('health', await request<unknown>(`${url}/health`, ''), 200).ms);
    return { ms: res.ms, size: sizeOf(a, res.body.data) };
  });
  return { series: times, floor };
}

export async function timeInProcess(dataDir: string, series: readonly ((i: number) => Ask)[], count: number, warmUp: number, now: string): Promise<SeriesTimes[]> {
  const board = new Database(activeReadModelFile(dataDir, 'deadlines-board'), { readonly: true });
  const stats = new Database(activeReadModelFile(dataDir, 'information-exchange-statistics'), { readonly: true });
  try {
    return await roundRobin(series, count, warmUp, (a) => {
      const t0 = performance.now();
      const body = a.query === 'deadlines'
        ? deadlinesBoard(board, { country: a.country }, { now, bucket: a.bucket, kinds: a.kinds })
        : informationExchangeStatistics(stats, { country: a.country }, { year: a.year });
      return Promise.resolve({ ms: performance.now() - t0, size: sizeOf(a, body) });
    });
  } finally {
    board.close();
    stats.close();
  }
}

/** Share of the board's items each country sees (its dl_board rows ÷ dl_items). */
export function viewerShares(dataDir: string): Viewer[] {
  const db = new Database(activeReadModelFile(dataDir, 'deadlines-board'), { readonly: true });
  try {
    const items = db.prepare('SELECT count(*) FROM dl_items').pluck().get() as number;
    const rows = db.prepare('SELECT country, count(*) AS n FROM dl_board GROUP BY country').all() as { country: string; n: number }[];
    return rows.map((r) => ({ country: r.country, share: items ? r.n / items : 0 }));
  } finally {
    db.close();
  }
}

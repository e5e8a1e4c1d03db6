// Target 2: the platform responsiveness aggregate, through HTTP on the service's query thread (auth,
// validation, access record appended, the query, the answer), and the query function alone in-process.
import Database from 'better-sqlite3';
import { platformResponsiveness } from '@liaison/projections';
import { queryString, responsivenessAsk } from './queries.js';
import { expectStatus, request } from './http.js';

/** One at a time, as one dashboard asks; returns each answer's latency in ms. */
export async function timeHttpQueries(url: string, tokens: Record<string, string>, count: number, warmUp: number): Promise<number[]> {
  const ask = async (i: number) => {
    const { country, filter } = responsivenessAsk(i);
    return expectStatus('responsiveness', await request<unknown>(`${url}/api/v1/platforms/responsiveness${queryString(filter)}`, tokens[country]), 200).ms;
  };
  for (let i = 0; i < warmUp; i++) await ask(i);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) ms.push(await ask(i));
  return ms;
}

/** The same asks through the catalogue's query function on a read-only connection, no HTTP, no thread hop. */
export function timeInProcess(file: string, count: number, warmUp: number, now: string): { ms: number[]; rows: number } {
  const db = new Database(file, { readonly: true });
  try {
    let rows = 0;
    const ask = (i: number) => {
      const { country, filter } = responsivenessAsk(i);
      const t0 = performance.now();
      const answer = platformResponsiveness(db, { country }, { ...filter, now });
      const ms = performance.now() - t0;
      rows += answer.rows.length;
      return ms;
    };
    for (let i = 0; i < warmUp; i++) ask(i);
    rows = 0;
    const ms = Array.from({ length: count }, (_, i) => ask(i));
    return { ms, rows: rows / count };
  } finally {
    db.close();
  }
}

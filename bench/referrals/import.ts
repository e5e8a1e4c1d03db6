// Target 1: an action day's whole list, from sending the request until the read model shows every item.
import { actionDayListCsv, benchLocator, planActionDay } from './bodies.js';
import { expectStatus, request } from './http.js';

export interface ImportRun {
  rows: number;
  /** Request sent → 201 (parse, validate every row, decide, append every referral and the file). */
  answeredMs: number;
  /** 201 → the day's progress answers referred = rows (read with X-Min-Position = the answer's position). */
  visibleMs: number;
  totalMs: number;
  /** Progress reads until it showed every row (503 READ_MODEL_BEHIND answers are retried). */
  reads: number;
  recorded: Record<string, number>;
}

/** Plans a fresh day, posts `rows` fresh locators (sent an hour ago) as CSV, and waits until all are visible. */
export async function timeImport(url: string, token: string, rows: number): Promise<ImportRun> {
  const planned = expectStatus('plan action day', await request<{ actionDayId: string }>(`${url}/api/v1/referrals/action-days`, token, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(planActionDay()),
  }), 201);
  const dayId = planned.body.actionDayId;
  const csv = actionDayListCsv(Array.from({ length: rows }, benchLocator), new Date(Date.now() - 3_600_000).toISOString());
  const t0 = performance.now();
  const answer = expectStatus('submit list', await request<{ position: string | null; recorded: Record<string, number> }>(
    `${url}/api/v1/referrals/action-days/${dayId}/list`, token, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv },
  ), 201);
  const t1 = performance.now();
  if (answer.body.position === null) throw new Error('the list recorded nothing');
  let reads = 0;
  for (;;) {
    reads++;
    const progress = await request<{ data?: { referred: number } }>(`${url}/api/v1/referrals/action-days/${dayId}`, token, {
      headers: { 'x-min-position': answer.body.position },
    });
    if (progress.status === 200 && progress.body.data?.referred === rows) break;
    if (progress.status !== 503 && progress.status !== 200) expectStatus('action day progress', progress, 200);
    if (reads > 100) throw new Error(`the day still shows ${JSON.stringify(progress.body).slice(0, 300)} after ${reads} reads`);
  }
  const t2 = performance.now();
  return { rows, answeredMs: t1 - t0, visibleMs: t2 - t1, totalMs: t2 - t0, reads, recorded: answer.body.recorded };
}

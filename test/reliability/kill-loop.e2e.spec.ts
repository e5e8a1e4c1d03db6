// The built service killed under load, as an operator's worst day does it: SIGKILL rounds with 20
// concurrent writers (nothing acknowledged lost, no event twice, read models equal a rebuild of the log)
// and SIGTERM rounds (every request in flight answered, exit well within 10 s). Prints its figures.
import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { activeFileState, readEverything, rebuiltChecksum } from '../../libs/projections/src/testing/projection-harness.js';
import { startLiaison, type LiaisonProcess } from '../e2e/support/liaison-process.js';
import { call, personBody, pollUntil } from './support/http-calls.js';

const KILL_ROUNDS = 5;
const TERM_ROUNDS = 3;
const WRITERS = 20;
const dataDir = mkdtempSync(join(tmpdir(), 'liaison-kill-loop-'));
let current: LiaisonProcess | undefined;
afterAll(async () => {
  await current?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Ack {
  personId: string;
  position: bigint;
}

/** WRITERS loops registering fictional people on `cases` until the service stops answering. */
function writeUntilGone(base: string, token: string, cases: string[], acks: Ack[]): Promise<number> {
  let refused = 0;
  const writer = async (w: number) => {
    for (;;) {
      const personId = randomUUID();
      const body = { ...personBody(`Kill ${w}`), personId };
      const answer = await call(base, 'POST', `/api/v1/cases/${cases[w % cases.length]}/persons`, token, body).catch(() => undefined);
      if (!answer) return;
      if (answer.status === 201) acks.push({ personId, position: BigInt(answer.body.position as string) });
      else refused++;
    }
  };
  return Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w))).then(() => refused);
}

describe('built service killed under load', () => {
  it(`loses nothing acknowledged over ${KILL_ROUNDS} SIGKILL rounds with ${WRITERS} writers, and read models equal a rebuild`, async () => {
    // Issued by the development IdP of the first run; its keys (DATA_DIR) keep it valid across restarts.
    let token = '';
    const acks: Ack[] = [];
    const cases: string[] = [];
    let refused = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      current = await startLiaison(dataDir);
      const base = current.baseUrl;
      if (round === 0) token = await mintDevToken({ country: 'SE', role: 'officer', sub: 'kill-loop-se', baseUrl: base });
      if (round === 0) {
        for (let c = 0; c < 4; c++) {
          const opened = await call(base, 'POST', '/api/v1/cases', token, { title: `Kill loop ${c} (fictional)`, offenceCategory: 'conspiracy to murder', handlingCode: 'H0' });
          expect(opened.status).toBe(201);
          cases.push(opened.body.caseId as string);
        }
      }
      const writing = writeUntilGone(base, token, cases, acks);
      await new Promise((r) => setTimeout(r, 400 + 150 * round));
      current.child.kill('SIGKILL');
      await current.stop();
      refused += await writing;
    }

    current = await startLiaison(dataDir);
    const base = current.baseUrl;
    const last = acks.reduce((m, a) => (a.position > m ? a.position : m), 0n);
    const answers = await Promise.all(cases.map((c) => pollUntil(
      () => call(base, 'GET', `/api/v1/cases/${c}`, token, undefined, { 'x-purpose': 'Kill loop check', 'x-min-position': String(last) }),
      (a) => a.status === 200, 20_000)));
    const read = answers.map((a) => a.text).join('\n');
    const lost = acks.filter((a) => !read.includes(a.personId));
    await current.stop();
    current = undefined;

    const db = new Database(join(dataDir, 'events.db'), { readonly: true });
    const twice = db.prepare(`SELECT json_extract(data, '$.personId') AS id, COUNT(*) AS n FROM events
      WHERE type = 'PersonRegistered' GROUP BY id HAVING n > 1`).all();
    const total = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    db.close();
    console.log(`SIGKILL loop: ${KILL_ROUNDS} rounds, ${WRITERS} writers, ${acks.length} commands acknowledged, ${refused} refused, ${total} events in the log; lost ${lost.length}, recorded twice ${twice.length}`);
    expect(acks.length).toBeGreaterThan(KILL_ROUNDS * 10);
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);

    const store = SqliteEventStore.open(join(dataDir, 'events.db'));
    const log = await readEverything(store);
    await store.close();
    for (const p of ALL_PROJECTIONS) {
      const state = activeFileState(join(dataDir, 'read-models'), p.name);
      expect([p.name, state.checksum]).toEqual([p.name, rebuiltChecksum(p, log.filter((e) => e.position <= state.checkpoint))]);
    }
  }, 180_000);

  it(`exits promptly on SIGTERM under load, answering what it has read, ${TERM_ROUNDS} rounds`, async () => {
    // Issued by the development IdP of the first run; its keys (DATA_DIR) keep it valid across restarts.
    let token = '';
    const figures: string[] = [];
    for (let round = 0; round < TERM_ROUNDS; round++) {
      current = await startLiaison(dataDir);
      const base = current.baseUrl;
      if (round === 0) token = await mintDevToken({ country: 'SE', role: 'officer', sub: 'term-loop-se', baseUrl: base });
      const opened = await call(base, 'POST', '/api/v1/cases', token, { title: `Term loop ${round} (fictional)`, offenceCategory: 'conspiracy to murder', handlingCode: 'H0' });
      expect(opened.status).toBe(201);
      const inFlight = Array.from({ length: WRITERS }, (_, w) =>
        call(base, 'POST', `/api/v1/cases/${opened.body.caseId as string}/persons`, token, personBody(`Term ${round}-${w}`)).catch(() => 'reset' as const));
      await new Promise((r) => setTimeout(r, 30));
      const signalled = Date.now();
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => current!.child.once('exit', (code, signal) => resolve({ code, signal })));
      current.child.kill('SIGTERM');
      const answers = await Promise.all(inFlight);
      const exit = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 10_000))]);
      const ms = Date.now() - signalled;
      await current.stop();
      const recorded = answers.filter((a) => a !== 'reset' && a.status === 201).length;
      const refused = answers.filter((a) => a !== 'reset' && a.status === 503).length;
      const reset = answers.filter((a) => a === 'reset').length;
      figures.push(`${ms} ms (${recorded} recorded, ${refused} refused 503, ${reset} reset unread)`);
      // Requests the server had not read yet sit on connections Node counts as idle and closes at once:
      // those are reset (the client never got an answer, nothing was recorded). Requests read after the
      // signal get 503 SHUTTING_DOWN with Retry-After. Never a 500.
      expect(answers.filter((a) => a !== 'reset' && a.status !== 201 && a.status !== 503)).toEqual([]);
      for (const a of answers) {
        if (a !== 'reset' && a.status === 503) expect([a.body.code, a.retryAfter]).toEqual(['SHUTTING_DOWN', '5']);
      }
      expect(exit).toEqual({ code: 0, signal: null });
    }
    current = undefined;
    console.log(`SIGTERM loop: ${figures.join('; ')}`);
  }, 120_000);
});

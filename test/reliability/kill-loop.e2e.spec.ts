// The built service killed under load, as an operator's worst day does it: SIGKILL rounds with 20
// concurrent writers (nothing acknowledged lost, no event twice, read models equal a rebuild of the log).
// Prints its figures. SIGTERM under load: sigterm-loop.e2e.spec.ts.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDataDirStore } from '../support/data-dir-store.js';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { activeFileState, readEverything, rebuiltChecksum } from '../../libs/projections/src/testing/projection-harness.js';
import { startLiaison, type LiaisonProcess } from '../e2e/support/liaison-process.js';
import { call } from './support/http-calls.js';
import { lostAfterRestart, writeUntilGone, type Ack } from './support/writers.js';

const KILL_ROUNDS = 5;
const WRITERS = 20;
const dataDir = mkdtempSync(join(tmpdir(), 'liaison-kill-loop-'));
let current: LiaisonProcess | undefined;
afterAll(async () => {
  await current?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

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
      const writing = writeUntilGone(base, token, cases, WRITERS, 'Kill');
      await new Promise((r) => setTimeout(r, 400 + 150 * round));
      current.child.kill('SIGKILL');
      await current.stop();
      const written = await writing;
      acks.push(...written.acks);
      refused += Object.values(written.answers).reduce((a, b) => a + b, 0);
    }

    current = await startLiaison(dataDir);
    const base = current.baseUrl;
    const lost = await lostAfterRestart(base, token, cases, acks);
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

    const store = openDataDirStore(dataDir);
    const log = await readEverything(store);
    await store.close();
    for (const p of ALL_PROJECTIONS) {
      const state = activeFileState(join(dataDir, 'read-models'), p.name);
      expect([p.name, state.checksum]).toEqual([p.name, rebuiltChecksum(p, log.filter((e) => e.position <= state.checkpoint))]);
    }
  }, 180_000);
});

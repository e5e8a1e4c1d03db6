// The built service with a read-model file deleted under it: the projection thread builds a fresh one
// from the log, queries answer 503 READ_MODEL_REBUILDING (never a 500, never an incomplete answer)
// until it has, then 200 with everything in it, without a restart.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { removeFile } from '../../libs/projections/src/runner/projection-files.js';
import { startLiaison, type LiaisonProcess } from '../e2e/support/liaison-process.js';
import { call, personBody, pollUntil, type Answer } from './support/http-calls.js';

const dataDir = mkdtempSync(join(tmpdir(), 'liaison-lost-rm-'));
let liaison: LiaisonProcess | undefined;
afterAll(async () => {
  await liaison?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('built service losing a read-model file', () => {
  it('builds the deleted file again from the log and answers from it without a restart', async () => {
    liaison = await startLiaison(dataDir);
    const base = liaison.baseUrl;
    const se = await mintDevToken({ country: 'SE', role: 'officer', sub: 'lost-rm-se', dataDir });
    const opened = await call(base, 'POST', '/api/v1/cases', se, { title: 'Lost read model (fictional)', offenceCategory: 'conspiracy to murder', handlingCode: 'H0' });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const persons: string[] = [];
    for (let i = 0; i < 20; i++) persons.push((await call(base, 'POST', `/api/v1/cases/${caseId}/persons`, se, personBody(`Förlorad ${i}`))).body.personId as string);
    const read = (position?: string) => call(base, 'GET', `/api/v1/cases/${caseId}`, se, undefined, { 'x-purpose': 'Lost read model check', ...(position ? { 'x-min-position': position } : {}) });
    expect((await read()).status).toBe(200);

    const rmDir = join(dataDir, 'read-models');
    const lost = readdirSync(rmDir).filter((f) => /^cases\.v\d+\..+\.db$/.test(f));
    expect(lost).toHaveLength(1);
    removeFile(join(rmDir, lost[0]));
    const deleted = Date.now();
    // The next commit wakes the projection thread, which finds the file gone.
    const last = await call(base, 'POST', `/api/v1/cases/${caseId}/persons`, se, personBody('Efter'));
    expect(last.status).toBe(201);
    persons.push(last.body.personId as string);

    // Found at the projection thread's next look (at most once a second, when it wakes: a commit or its poll).
    const casesFiles = () => readdirSync(rmDir).filter((f) => /^cases\.v\d+\..+\.db$/.test(f));
    const deadline = Date.now() + 10_000;
    while (casesFiles().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const replaced = Date.now();
    // A fresh generation in its place (without recovery the thread would go on writing to the unlinked inode).
    expect(casesFiles()).toHaveLength(1);
    expect(casesFiles()[0]).not.toBe(lost[0]);

    const answers: Answer[] = [];
    const detail = await pollUntil(async () => {
      const a = await read(String(last.body.position));
      answers.push(a);
      return a;
    }, (a) => a.status === 200, 20_000);
    console.log(`deleted read model: replaced after ${replaced - deleted} ms, answering from the new file after ${Date.now() - deleted} ms; answers meanwhile: ${JSON.stringify(answers.map((a) => `${a.status} ${a.body.code ?? ''}`.trim()))}`);
    expect(answers.filter((a) => a.status !== 200 && !(a.status === 503 && /^(READ_MODEL_REBUILDING|READ_MODEL_BEHIND)$/.test(String(a.body.code))))).toEqual([]);
    expect(persons.filter((id) => !detail.text.includes(id))).toEqual([]);
    const ready = await pollUntil(() => call(base, 'GET', '/ready'), (a) => a.status === 200, 10_000);
    expect(ready.body.reasons).toEqual([]);
  }, 60_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { startHarness, type Harness } from '../../cases/commands/testing/case-commands.harness.js';
import { buildScenario, type Call, type Scenario } from '../testing/audit-scenario.js';
import { auditCli } from '../testing/audit-cli.js';

// Tamper evidence end to end: the endpoint and `npm run audit -- verify` pass on an intact log and
// name the first broken link after someone edits one event's data directly in SQLite. The export
// runs here too, on the same log.

let h: Harness;
let call: Call;
let s: Scenario;
let seSup: string;
const PURPOSE = 'Disclosure check, "DK request", ref 9';

const cli = (...args: string[]) => auditCli(h.dataDir, ...args);

const verify = (token = seSup) => call<{ data: { ok: boolean; events: number; firstBreak: unknown } }>('GET', `/api/v1/audit/verify?case=${s.sharedCaseId}`, { token });

beforeAll(async () => {
  h = await startHarness();
  call = h.call.bind(h) as Call;
  s = await buildScenario(call, await h.token('SE', 'officer', 'se-1'));
  seSup = await h.token('SE', 'supervisor', 'se-sup-1');
  const dk = await h.token('DK', 'officer', 'dk-1');
  expect((await call('GET', `/api/v1/cases/${s.sharedCaseId}`, { token: dk, headers: { 'x-purpose': PURPOSE } })).status).toBe(200);
  expect((await call('GET', `/api/v1/cases?purpose=${encodeURIComponent('=HYPERLINK("x"), line\nbreak')}`, { token: dk })).status).toBe(200);
});
afterAll(async () => h?.close());

describe('export for the data protection authority', () => {
  it('writes the case\'s access log and timeline as JSON Lines and CSV with proper quoting', () => {
    const out = path.join(h.dataDir, 'export');
    const r = cli('export', '--case', s.sharedCaseId, '--from', '2000-01-01T00:00:00Z', '--to', '2100-01-01T00:00:00Z', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('DK request');
    const accesses = fs.readFileSync(path.join(out, 'access-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(accesses.map((a) => a.purpose)).toEqual([PURPOSE, '=HYPERLINK("x"), line\nbreak']);
    const csv = fs.readFileSync(path.join(out, 'access-log.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^entryId,accessedAt,officerSubject,/);
    expect(csv).toContain('"Disclosure check, ""DK request"", ref 9"');
    expect(csv).toContain('"\'=HYPERLINK(""x""), line\nbreak"');
    const timeline = fs.readFileSync(path.join(out, 'timeline.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(timeline.map((e) => e.type)).toEqual(['CaseOpened', 'CaseSharedWith', 'PersonRegistered', 'DetentionRecorded', 'DetentionEnded']);
    expect(fs.readFileSync(path.join(out, 'timeline.csv'), 'utf8').split('\r\n')).toHaveLength(7);
  });
});

describe('verify', () => {
  it('passes on an intact log (endpoint and CLI)', async () => {
    const res = await verify();
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: true, events: 5, firstBreak: null });
    const r = cli('verify');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OK');
  });

  it('is for the owner country\'s supervisors only', async () => {
    expect((await verify(await h.token('DK', 'supervisor', 'dk-sup-1'))).status).toBe(404);
    expect((await verify(await h.token('SE', 'officer', 'se-1'))).status).toBe(403);
  });

  it('names the first broken link after one event\'s data is edited directly in the events table', async () => {
    const db = new Database(path.join(h.dataDir, 'events.db'));
    const row = db.prepare("SELECT global_position AS position, data FROM events WHERE stream_id = ? AND type = 'DetentionRecorded'")
      .get(`case-${s.sharedCaseId}`) as { position: number; data: string };
    const edited = JSON.stringify({ ...(JSON.parse(row.data) as object), facility: 'Somewhere else' });
    expect(db.prepare('UPDATE events SET data = ? WHERE global_position = ?').run(edited, row.position).changes).toBe(1);
    db.close();

    const res = await verify();
    expect(res.body.data).toMatchObject({
      ok: false, firstBreak: { stream: `case-${s.sharedCaseId}`, revision: '3', position: String(row.position), reason: 'hash-mismatch' },
    });
    const r = cli('verify');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`first broken link: stream case-${s.sharedCaseId} revision 3 position ${row.position} (hash-mismatch)`);
  });
});

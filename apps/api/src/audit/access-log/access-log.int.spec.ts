import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startHarness, type Harness } from '../../cases/commands/testing/case-commands.harness.js';
import { buildScenario, eventually, type Call, type Scenario } from '../testing/audit-scenario.js';
import { defaultReplicaId } from '../../config/app.config.js';

// Access log: purpose required for personal data, one durable CaseDataAccessed per answer, and
// supervisors seeing exactly their own officers' accesses plus accesses to cases they own.

let h: Harness;
let call: Call;
let s: Scenario;
const tokens: Record<string, string> = {};
const PURPOSE = 'Custody review, Copenhagen shootings, "juvenile", ref 17';

beforeAll(async () => {
  h = await startHarness();
  call = h.call.bind(h) as Call;
  for (const [key, country, role] of [['se', 'SE', 'officer'], ['dk', 'DK', 'officer'], ['seSup', 'SE', 'supervisor'], ['dkSup', 'DK', 'supervisor'], ['noSup', 'NO', 'supervisor']] as const) {
    tokens[key] = await h.token(country, role, `${key}-1`);
  }
  s = await buildScenario(call, tokens.se);
});
afterAll(async () => h?.close());

const withPurpose = { 'x-purpose': PURPOSE };

describe('purpose', () => {
  it.each([
    '/api/v1/cases', 'CASE', '/api/v1/detentions', '/api/v1/detentions/custody-reviews-due?before=2030-01-01T00:00:00Z',
    '/api/v1/handlers', '/api/v1/extraditions',
  ])('refuses %s without a purpose (400 PURPOSE_REQUIRED) and records nothing', async (url) => {
    const before = await h.store.headPosition();
    const res = await call('GET', url === 'CASE' ? `/api/v1/cases/${s.sharedCaseId}` : url, { token: tokens.dk });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'PURPOSE_REQUIRED', errors: [{ field: 'purpose' }] });
    expect(await h.store.headPosition()).toBe(before);
  });

  it('accepts the header or the query parameter; refuses 2 or 501 characters', async () => {
    expect((await call('GET', `/api/v1/cases?purpose=${encodeURIComponent('Översikt för åklagare')}`, { token: tokens.dk })).status).toBe(200);
    expect((await call('GET', '/api/v1/cases', { token: tokens.dk, headers: withPurpose })).status).toBe(200);
    expect((await call('GET', '/api/v1/cases?purpose=ab', { token: tokens.dk })).status).toBe(400);
    expect((await call('GET', '/api/v1/cases', { token: tokens.dk, headers: { 'x-purpose': 'x'.repeat(501) } })).status).toBe(400);
  });

  it('does not need one for aggregate dashboards, which are still logged', async () => {
    for (const url of ['/api/v1/detentions/counts', '/api/v1/detentions/over-time?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&bucket=week', '/api/v1/handlers/counts', '/api/v1/extraditions/counts']) {
      const res = await call('GET', url, { token: tokens.dk });
      expect(res.status).toBe(200);
      const [event] = await h.store.readAll({ direction: 'backwards', maxCount: 1 });
      expect(event).toMatchObject({ type: 'CaseDataAccessed', data: { fieldsClass: 'aggregate', purpose: null, entryId: res.headers.get('x-access-entry') } });
    }
  });
});

describe('recording', () => {
  it('records who, what, when, readAt and why before answering, in a hash-chained per-country-day-replica stream', async () => {
    const writes = jest.spyOn(process.stdout, 'write');
    const res = await call<{ readAt: string }>('GET', `/api/v1/cases/${s.sharedCaseId}`, { token: tokens.dk, headers: withPurpose });
    expect(res.status).toBe(200);
    const entryId = res.headers.get('x-access-entry');
    const [event] = await h.store.readAll({ direction: 'backwards', maxCount: 1 });
    expect(event.id).toBe(entryId);
    expect(event.streamId).toBe(`access-DK-${new Date().toISOString().slice(0, 10)}-${defaultReplicaId()}`);
    expect(event.data).toMatchObject({
      entryId, purpose: PURPOSE, fieldsClass: 'personal', route: 'GET /api/v1/cases/:caseId', readModel: 'cases', query: 'caseDetail',
      params: { caseId: s.sharedCaseId }, viewerCountry: 'DK', readAt: res.body.readAt, caseIds: [s.sharedCaseId], resultCount: 1,
      officer: { subject: 'dk-1', country: 'DK', issuer: expect.stringContaining('/dev/idp/dk') },
    });
    expect(event.metadata).toMatchObject({ actor: 'dk-1', country: 'DK', chain: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    // The justification is personal data of its own: it goes to the log, never to stdout.
    expect(writes.mock.calls.map((c) => String(c[0])).join('')).not.toContain('juvenile');
    writes.mockRestore();
  });

  it('records the case ids a list actually returned', async () => {
    const dkList = await call<{ data: { items: { caseId: string }[] } }>('GET', '/api/v1/cases', { token: tokens.dk, headers: withPurpose });
    const [dkEvent] = await h.store.readAll({ direction: 'backwards', maxCount: 1 });
    expect(dkEvent.data.caseIds).toEqual(dkList.body.data.items.map((i) => i.caseId));
    expect(dkEvent.data.caseIds).toEqual([s.sharedCaseId]);
    await call('GET', '/api/v1/cases', { token: tokens.se, headers: withPurpose });
    const [seEvent] = await h.store.readAll({ direction: 'backwards', maxCount: 1 });
    expect([...(seEvent.data.caseIds as string[])].sort()).toEqual([s.sharedCaseId, s.swedishOnlyCaseId].sort());
  });
});

interface Entry { entryId: string; officer: { subject: string; country: string }; caseIds: string[]; purpose: string | null; params: unknown }
const list = async (token: string, query = '') =>
  (await call<{ data: { items: Entry[] } }>('GET', `/api/v1/audit/access${query}`, { token, headers: { 'x-purpose': 'Quarterly self-monitoring' } })).body.data.items;

describe('who may audit', () => {
  let dkEntry: string;
  let seOnlyEntry: string;
  beforeAll(async () => {
    dkEntry = (await call('GET', `/api/v1/cases/${s.sharedCaseId}`, { token: tokens.dk, headers: withPurpose })).headers.get('x-access-entry') as string;
    seOnlyEntry = (await call('GET', `/api/v1/cases/${s.swedishOnlyCaseId}`, { token: tokens.se, headers: withPurpose })).headers.get('x-access-entry') as string;
    await eventually(async () => ((await list(tokens.seSup)).some((e) => e.entryId === seOnlyEntry) ? true : undefined));
  });

  it('needs audit:read (officers get 403) and a purpose', async () => {
    expect((await call('GET', '/api/v1/audit/access', { token: tokens.se, headers: withPurpose })).status).toBe(403);
    expect((await call('GET', '/api/v1/audit/access', { token: tokens.seSup })).status).toBe(400);
  });

  it('the owner\'s supervisor sees the partner officer\'s access to its case, with the purpose but not the partner\'s params', async () => {
    const entry = (await list(tokens.seSup, `?case=${s.sharedCaseId}`)).find((e) => e.entryId === dkEntry);
    expect(entry).toMatchObject({ officer: { subject: 'dk-1', country: 'DK' }, purpose: PURPOSE, caseIds: [s.sharedCaseId], params: null });
  });

  it('a partner supervisor sees its own officers\' accesses but not the owner\'s officers\' accesses to owner-only cases', async () => {
    const dkSees = await list(tokens.dkSup);
    expect(dkSees.some((e) => e.entryId === dkEntry)).toBe(true);
    expect(dkSees.some((e) => e.entryId === seOnlyEntry)).toBe(false);
    expect(dkSees.every((e) => e.officer.country === 'DK')).toBe(true);
    expect(await list(tokens.noSup)).toEqual([]);
  });

  it('filters by officer and time', async () => {
    const byOfficer = await list(tokens.seSup, '?officer=dk-1');
    expect(byOfficer.length).toBeGreaterThan(0);
    expect(byOfficer.every((e) => e.officer.subject === 'dk-1')).toBe(true);
    expect(await list(tokens.seSup, '?to=2000-01-01T00:00:00Z')).toEqual([]);
    const withoutDk = await list(tokens.seSup, '?excludeOfficer=dk-1');
    expect(withoutDk.length).toBeGreaterThan(0);
    expect(withoutDk.some((e) => e.officer.subject === 'dk-1')).toBe(false);
  });

  it('the reproducible view rebuilds exactly what the officer got; a partner cannot open the owner\'s entries', async () => {
    const got = await call('GET', `/api/v1/cases/${s.sharedCaseId}`, { token: tokens.dk, headers: withPurpose });
    const entryId = got.headers.get('x-access-entry') as string;
    await eventually(async () => ((await list(tokens.seSup, '?officer=dk-1')).some((e) => e.entryId === entryId) ? true : undefined));
    const view = await call<{ data: { answer: unknown; matchesRecord: boolean; redacted: boolean } }>('GET', `/api/v1/audit/access/${entryId}/view`, { token: tokens.seSup, headers: withPurpose });
    expect(view.status).toBe(200);
    expect(view.body.data.answer).toEqual(got.body);
    expect(view.body.data).toMatchObject({ matchesRecord: true, redacted: false });
    expect((await call('GET', `/api/v1/audit/access/${seOnlyEntry}/view`, { token: tokens.dkSup, headers: withPurpose })).status).toBe(404);
  });

  it('a partner officer\'s list that also carried a third country\'s case is cut to the owner\'s cases for the owner\'s supervisor', async () => {
    const no = await h.token('NO', 'officer', 'no-1');
    const noCase = (await call('POST', '/api/v1/cases', { token: no, body: { title: 'Fictional Oslo case', offenceCategory: 'explosives', handlingCode: 'H0' } })).body.caseId as string;
    await call('POST', `/api/v1/cases/${noCase}/sharing`, { token: no, body: { partnerCountry: 'DK', level: 'read' } });
    const got = await call<{ data: { items: { caseId: string }[] } }>('GET', '/api/v1/cases', { token: tokens.dk, headers: withPurpose });
    expect(got.body.data.items.map((i) => i.caseId).sort()).toEqual([noCase, s.sharedCaseId].sort());
    const entryId = got.headers.get('x-access-entry') as string;
    await eventually(async () => ((await list(tokens.dkSup)).some((e) => e.entryId === entryId) ? true : undefined));
    const own = await call<{ data: { answer: unknown; matchesRecord: boolean } }>('GET', `/api/v1/audit/access/${entryId}/view`, { token: tokens.dkSup, headers: withPurpose });
    expect(own.body.data).toMatchObject({ answer: got.body, matchesRecord: true, redacted: false });
    const owner = await call<{ data: { answer: { data: { items: { caseId: string }[] } }; matchesRecord: boolean; redacted: boolean; caseIds: string[] } }>(
      'GET', `/api/v1/audit/access/${entryId}/view`, { token: tokens.seSup, headers: withPurpose });
    expect(owner.body.data).toMatchObject({ matchesRecord: true, redacted: true, caseIds: [s.sharedCaseId] });
    expect(owner.body.data.answer.data.items.map((i) => i.caseId)).toEqual([s.sharedCaseId]);
  });
});

describe('the supervisor\'s audit view (issue 19)', () => {
  it('names each entry\'s cases by title, only the cases the supervisor may learn about', async () => {
    const entryId = (await call('GET', `/api/v1/cases/${s.sharedCaseId}`, { token: tokens.dk, headers: withPurpose })).headers.get('x-access-entry') as string;
    await eventually(async () => ((await list(tokens.seSup)).some((e) => e.entryId === entryId) ? true : undefined));
    const entry = (await list(tokens.seSup)).find((e) => e.entryId === entryId) as unknown as { caseTitles: Record<string, string> };
    expect(Object.keys(entry.caseTitles)).toEqual([s.sharedCaseId]);
    expect(entry.caseTitles[s.sharedCaseId]).toEqual(expect.any(String));
  });

  it('lists the officers of the visible log for the picker, with counts; needs audit:read and a purpose', async () => {
    type Officers = { data: { items: { subject: string; country: string; accesses: number; lastAccessedAt: string }[] } };
    const res = await call<Officers>('GET', '/api/v1/audit/access/officers', { token: tokens.seSup, headers: withPurpose });
    expect(res.status).toBe(200);
    const subjects = res.body.data.items.map((o) => `${o.country}:${o.subject}`);
    expect(subjects).toEqual(expect.arrayContaining(['SE:se-1', 'DK:dk-1', 'SE:seSup-1']));
    // Own country first; a partner officer only for reads of the supervisor's cases, which dk-1 made.
    expect(res.body.data.items[0]?.country).toBe('SE');
    expect(res.body.data.items.every((o) => o.accesses > 0)).toBe(true);
    const without = await call<Officers>('GET', '/api/v1/audit/access/officers?excludeOfficer=seSup-1', { token: tokens.seSup, headers: withPurpose });
    expect(without.body.data.items.some((o) => o.subject === 'seSup-1')).toBe(false);
    // Norway: its own supervisor, and only those who read the Norwegian case (a Danish list carried it).
    const noSees = (await call<Officers>('GET', '/api/v1/audit/access/officers', { token: tokens.noSup, headers: withPurpose })).body.data.items.map((o) => o.subject);
    expect(noSees[0]).toBe('noSup-1');
    expect(noSees).not.toContain('se-1');
    expect(noSees).not.toContain('seSup-1');
    expect((await call('GET', '/api/v1/audit/access/officers', { token: tokens.se, headers: withPurpose })).status).toBe(403);
    expect((await call('GET', '/api/v1/audit/access/officers', { token: tokens.seSup })).status).toBe(400);
  });

  it('answers the reproduction with the same question asked now beside it', async () => {
    const got = await call('GET', `/api/v1/cases/${s.sharedCaseId}`, { token: tokens.dk, headers: withPurpose });
    const entryId = got.headers.get('x-access-entry') as string;
    await call('POST', `/api/v1/cases/${s.sharedCaseId}/persons`, { token: tokens.se, body: { category: 'witness', pseudonym: 'Later witness' } });
    await eventually(async () => ((await list(tokens.seSup)).some((e) => e.entryId === entryId) ? true : undefined));
    type View = { data: { answer: { data: { persons: { pseudonym: string }[] } }; now: { data: { persons: { pseudonym: string }[] } }; matchesRecord: boolean; caseTitles: Record<string, string> } };
    const view = await eventually(async () => {
      const v = await call<View>('GET', `/api/v1/audit/access/${entryId}/view`, { token: tokens.seSup, headers: withPurpose });
      return v.body.data.now.data.persons.some((p) => p.pseudonym === 'Later witness') ? v : undefined;
    });
    expect(view.body.data.matchesRecord).toBe(true);
    expect(view.body.data.answer.data.persons.some((p) => p.pseudonym === 'Later witness')).toBe(false);
    expect(Object.keys(view.body.data.caseTitles)).toEqual([s.sharedCaseId]);
  });

  it('reproduces answers computed from the log (replays, hash checks) as of their position, and names the entry a reproduction reproduced', async () => {
    const replay = await call('GET', `/api/v1/audit/cases/${s.sharedCaseId}`, { token: tokens.seSup, headers: withPurpose });
    const verify = await call('GET', `/api/v1/audit/verify?case=${s.sharedCaseId}`, { token: tokens.seSup, headers: withPurpose });
    // The case moves on after both.
    await call('POST', `/api/v1/cases/${s.sharedCaseId}/persons`, { token: tokens.se, body: { category: 'witness', pseudonym: 'Even later witness' } });
    for (const [res, query] of [[replay, 'replayCase'], [verify, 'verifyCase']] as const) {
      expect(res.status).toBe(200);
      const entryId = res.headers.get('x-access-entry') as string;
      await eventually(async () => ((await list(tokens.seSup)).some((e) => e.entryId === entryId) ? true : undefined));
      const view = await call<{ data: { query: string; answer: unknown; matchesRecord: boolean; now: { readAt: string } } }>(
        'GET', `/api/v1/audit/access/${entryId}/view`, { token: tokens.seSup, headers: withPurpose });
      expect([query, view.status]).toEqual([query, 200]);
      expect(view.body.data).toMatchObject({ query, matchesRecord: true, answer: res.body });
      expect(BigInt(view.body.data.now.readAt)).toBeGreaterThan(BigInt((res.body as { readAt: string }).readAt));
    }
    const reproduction = await call('GET', `/api/v1/audit/access/${replay.headers.get('x-access-entry')}/view`, { token: tokens.seSup, headers: withPurpose });
    const again = reproduction.headers.get('x-access-entry') as string;
    await eventually(async () => ((await list(tokens.seSup)).some((e) => e.entryId === again) ? true : undefined));
    const refused = await call<{ code: string; message: string }>('GET', `/api/v1/audit/access/${again}/view`, { token: tokens.seSup, headers: withPurpose });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'NOT_REPRODUCIBLE', message: expect.stringContaining(replay.headers.get('x-access-entry') as string) });
  });
});

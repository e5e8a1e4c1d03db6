// Information requests (Directive 2023/977) through the built service as a real process, over HTTP
// only, once per event store (embedded SQLite, the EventStoreDB adapter against the protocol emulator,
// a real server when ESDB_CONNECTION_STRING is set): SE and DK exchange five requests in 2024, NO is the
// third country. Commands, the two-country rule, the register with its derived deadlines, one request's
// steps, the deadlines board, and the Art. 18 statistics in JSON and CSV.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLiaison, type LiaisonProcess } from './support/liaison-process.js';
import { ReferralApi, type Page, type Written } from './support/referral-api.js';
import { DENMARK_FIGURES, NORWAY_FIGURES, PURPOSE, REQUESTS, STEPS, SWEDEN_FIGURES, YEAR, type StoryRequest } from './support/information-request-story.js';
import { storeTargets, type RunningStore } from './support/store-targets.js';

type Board = { items: { kind: string; requestId: string | null; bucket: string }[] };
type Request = { requestId: string; direction: string; counterpartCountry: string; status: string; rule: string; deadlineAt: string; overdue: boolean; caseId: string | null };

// A real server keeps other runs' requests: the figures and the lists are this run's only on a fresh store.
describe.each(storeTargets().filter((t) => !t.shared))('information requests on the $name', (target) => {
  const run = randomUUID().slice(0, 8);
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-requests-e2e-'));
  let store: RunningStore;
  let liaison: LiaisonProcess;
  let api: ReferralApi;
  const t = { se: '', dk: '', no: '' };
  const ids = {} as Record<StoryRequest, string>;
  const base = '/api/v1/information-requests';
  const read = <T>(path: string, token: string, purpose: string | null = PURPOSE) => api.read<T>(path, token, purpose);
  const on = (id: StoryRequest, action: string, token: string, body: unknown) => api.write('POST', `${base}/${ids[id]}/${action}`, { token, body });

  beforeAll(async () => {
    store = await target.start(dataDir);
    liaison = await startLiaison(dataDir, { ...store.env, LOG_LEVEL: 'warn' });
    api = new ReferralApi(liaison.baseUrl, dataDir, run);
    [t.se, t.dk, t.no] = await Promise.all([api.token('SE'), api.token('DK'), api.token('NO')]);
  }, 30_000);

  afterAll(async () => {
    await liaison?.stop();
    await store?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('files five requests and records each side\'s half; a third country may do nothing, a late refusal is refused', async () => {
    const opened = await api.write<Written & { caseId: string }>('POST', '/api/v1/cases', { token: t.se, body: { title: `Requests ${run} (fictional)`, offenceCategory: 'conspiracy to murder', handlingCode: 'H0' } });
    for (const [name, { by, body }] of Object.entries(REQUESTS) as [StoryRequest, (typeof REQUESTS)[StoryRequest]][]) {
      const filed = await api.write<Written & { requestId: string }>('POST', base, { token: t[by], body: name === 'answered' ? { ...body, caseId: opened.body.caseId } : body });
      expect([name, filed.status, filed.body.events]).toEqual([name, 201, ['InformationRequested']]);
      ids[name] = filed.body.requestId;
    }
    for (const [id, action, who, body] of STEPS) {
      const res = await on(id, action, t[who], body);
      expect([id, action, res.status]).toEqual([id, action, 200]);
    }
    const late = await on('overdue', 'refusal', t.dk, { grounds: [{ ground: 'a', reason: 'Not held' }], refusedAt: '2024-06-17T09:00:00+02:00' });
    expect([late.status, late.body.code]).toEqual([422, 'REFUSAL_AFTER_DEADLINE']);
    const third = await on('overdue', 'acknowledgement', t.no, {});
    expect([third.status, third.body.code]).toEqual([403, 'NOT_A_PARTY']);
    const head = await store.head();
    expect(head).toBeGreaterThanOrEqual(api.position);
  });

  it('shows each country its register with the derived deadlines, and NO nothing', async () => {
    const outgoing = await api.data<Page<Request>>(`${base}?direction=outgoing&limit=50`, t.se);
    expect(outgoing.items.map((r) => r.requestId).sort()).toEqual([ids.answered, ids.refused, ids.overdue, ids.clarifying].sort());
    const byId = new Map(outgoing.items.map((r) => [r.requestId, r]));
    // 08:00 in Copenhagen (+01:00) plus 8 hours; seven calendar days at the same Copenhagen clock time.
    expect(byId.get(ids.answered)).toMatchObject({ rule: '8h', deadlineAt: '2024-03-04T15:00:00.000Z', status: 'answered', counterpartCountry: 'DK' });
    expect(byId.get(ids.refused)).toMatchObject({ rule: '7d', deadlineAt: '2024-05-13T07:00:00.000Z', status: 'refused' });
    expect((await api.data<Page<Request>>(`${base}?direction=incoming`, t.se)).items.map((r) => r.requestId)).toEqual([ids.authorised]);
    expect((await api.data<Page<Request>>(`${base}?direction=incoming`, t.dk)).items).toHaveLength(4);
    // The clarification stopped the clock: only the request nobody answered is overdue.
    expect((await api.data<Page<Request>>(`${base}?overdueOnly=true`, t.dk)).items.map((r) => r.requestId)).toEqual([ids.overdue]);
    expect((await api.data<Page<Request>>(`${base}?urgent=true`, t.se)).items.map((r) => r.requestId).sort()).toEqual([ids.answered, ids.authorised].sort());
    expect((await api.data<Page<Request>>(base, t.no)).items).toEqual([]);
  });

  it('gives a request\'s steps to its two countries, 404 to a third, and needs a purpose', async () => {
    const detail = await api.data<Request & { steps: { type: string }[] }>(`${base}/${ids.authorised}`, t.dk);
    expect(detail.steps.map((s) => s.type)).toEqual(['InformationRequested', 'JudicialAuthorisationPending', 'JudicialAuthorisationObtained', 'InformationProvided']);
    expect(detail).toMatchObject({ direction: 'outgoing', status: 'answered', late: false });
    const forNo = await read(`${base}/${ids.authorised}`, t.no);
    expect([forNo.status, forNo.body.code]).toEqual([404, 'INFORMATION_REQUEST_NOT_FOUND']);
    for (const path of [base, `${base}/${ids.answered}`, '/api/v1/deadlines']) {
      const refused = await read(path, t.se, null);
      expect([path, refused.status, refused.body.code]).toEqual([path, 400, 'PURPOSE_REQUIRED']);
    }
  });

  it('puts the overdue request on both countries\' deadlines boards, not on NO\'s', async () => {
    for (const token of [t.se, t.dk]) {
      const board = await api.data<Board>('/api/v1/deadlines?kind=information_request', token);
      expect(board.items.map((i) => i.requestId)).toContain(ids.overdue);
      expect(board.items.find((i) => i.requestId === ids.overdue)).toMatchObject({ bucket: 'overdue' });
      expect(board.items.map((i) => i.requestId)).not.toContain(ids.answered);
    }
    expect((await api.data<Board>('/api/v1/deadlines', t.no)).items.filter((i) => i.requestId !== null)).toEqual([]);
  });

  it('reports the Art. 18 figures each country computed by hand, as CSV by parameter or Accept, without a purpose', async () => {
    const csv = async (token: string, how: 'param' | 'accept') => {
      const res = await fetch(`${liaison.baseUrl}/api/v1/statistics/information-exchange?year=${YEAR}${how === 'param' ? '&format=csv' : ''}`, {
        headers: { authorization: `Bearer ${token}`, ...(how === 'accept' ? { accept: 'text/csv' } : {}), 'x-min-position': String(api.position) },
      });
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
      return (await res.text()).trimEnd().split('\r\n');
    };
    expect(await csv(t.se, 'param')).toEqual(SWEDEN_FIGURES);
    expect(await csv(t.dk, 'accept')).toEqual(DENMARK_FIGURES);
    expect(await csv(t.no, 'param')).toEqual(NORWAY_FIGURES);
    const json = await read(`/api/v1/statistics/information-exchange?year=${YEAR}`, t.se, null);
    expect(json.status).toBe(200);
    expect(json.body.data).toMatchObject({ year: YEAR, country: 'SE', submitted: { urgent: 1, notUrgent: 3, total: 4 }, deviations: { total: 1 } });
  });
});

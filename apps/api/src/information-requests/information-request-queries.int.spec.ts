import { beforeAll, describe, expect, it } from '@jest/globals';
import { detentionBody, openCaseBody, personBody } from '../cases/commands/testing/case-commands.harness.js';
import { useOfficerHarness } from '../referrals/testing/referral-bodies.js';
import { URGENT, fileBody, hoursAgo, type Filed } from './testing/request-bodies.js';

// The information-request reads over HTTP: the register with its derived deadlines and filters, one
// request's steps, the two-country rule (a third country reads 404 / nothing), purpose and access log.

type Entry = {
  requestId: string; direction: string; counterpartCountry: string; status: string; rule: string; deadlineAt: string;
  deadlineInForce: string | null; overdue: boolean | null; urgent: boolean; caseId: string | null; paused: boolean;
};
type Answer<T> = { readAt: string; data: T; code?: string };
const PURPOSE = 'SPOC follow-up (fictional)';
type BoardItem = { kind: string; role: string; requestId: string | null; caseId: string | null; bucket: string; dueAt: string; label: string };
type Board = { items: BoardItem[]; counts: Record<string, number> };

describe('information-request reads over HTTP', () => {
  const t = useOfficerHarness();
  let position = '0';
  const ids = { urgent: '', late: '', clarifying: '', danish: '', caseId: '' };

  const write = async (method: string, url: string, token: string, body: unknown) => {
    const res = await t.h.call<Filed>(method, url, { token, body });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text}`);
    if (res.body.position && BigInt(res.body.position) > BigInt(position)) position = res.body.position;
    return res.body;
  };
  const read = <T>(url: string, token: string, purpose: string | null = PURPOSE) =>
    t.h.call<Answer<T>>('GET', url, { token, headers: { 'x-min-position': position, ...(purpose ? { 'x-purpose': purpose } : {}) } });
  const list = async (query: string, token: string) => {
    const res = await read<{ items: Entry[] }>(`/api/v1/information-requests${query}`, token);
    expect(res.status).toBe(200);
    return res.body.data.items;
  };

  beforeAll(async () => {
    const file = async (token: string, body: Record<string, unknown>) => (await write('POST', '/api/v1/information-requests', token, body)).requestId;
    ids.urgent = await file(t.se, fileBody({ ...URGENT, receivedAt: '2025-03-04T08:00:00+01:00' }));
    ids.late = await file(t.se, fileBody({ receivedAt: hoursAgo(10 * 24) }));
    ids.clarifying = await file(t.se, fileBody({ receivedAt: hoursAgo(10 * 24) }));
    ids.danish = await file(t.dk, fileBody({ requestedCountry: 'SE', access: 'indirect', ...URGENT, receivedAt: hoursAgo(1) }));
    await write('POST', `/api/v1/information-requests/${ids.urgent}/information`, t.dk, { summary: 'Answer (fictional)', providedAt: '2025-03-04T12:00:00+01:00' });
    // A Swedish case with a detention whose custody review is due in two days: on SE's board too, before
    // the Danish request's three calendar days.
    ids.caseId = (await write('POST', '/api/v1/cases', t.se, openCaseBody()) as unknown as { caseId: string }).caseId;
    const { personId } = await write('POST', `/api/v1/cases/${ids.caseId}/persons`, t.se, personBody()) as unknown as { personId: string };
    await write('POST', `/api/v1/cases/${ids.caseId}/detentions`, t.se, detentionBody(personId, { nextCustodyReviewAt: new Date(Date.now() + 48 * 3_600_000).toISOString() }));
    await write('POST', `/api/v1/information-requests/${ids.clarifying}/clarification-request`, t.dk, { question: 'Which number?', requestedAt: hoursAgo(9 * 24) });
  });

  it('lists the register with each request\'s derived deadline, from the viewer\'s side', async () => {
    const outgoing = await list('?direction=outgoing', t.se);
    expect(outgoing.map((r) => r.requestId).sort()).toEqual([ids.urgent, ids.late, ids.clarifying].sort());
    expect(outgoing.find((r) => r.requestId === ids.urgent)).toMatchObject({
      direction: 'outgoing', counterpartCountry: 'DK', status: 'answered', rule: '8h', deadlineAt: '2025-03-04T15:00:00.000Z', overdue: false,
    });
    const late = outgoing.find((r) => r.requestId === ids.late)!;
    expect(late).toMatchObject({ rule: '7d', status: 'filed', overdue: true });
    expect(Date.parse(late.deadlineAt)).toBeLessThan(Date.now());
    // Three calendar days in Stockholm for the urgent, indirectly accessible request DK sent to SE.
    const incoming = await list('?direction=incoming', t.se);
    expect(incoming).toEqual([expect.objectContaining({ requestId: ids.danish, direction: 'incoming', counterpartCountry: 'DK', rule: '3d', overdue: false })]);
    expect((await list('?direction=incoming', t.dk)).map((r) => r.requestId).sort()).toEqual([ids.urgent, ids.late, ids.clarifying].sort());
  });

  it('filters by overdue, due before, urgency, status and counterpart; a clarification stops the clock', async () => {
    expect((await list('?overdueOnly=true', t.dk)).map((r) => r.requestId)).toEqual([ids.late]);
    const clarifying = (await list('?status=clarification_pending', t.se)).map((r) => r.requestId);
    expect(clarifying).toEqual([ids.clarifying]);
    expect((await list(`?dueBefore=${encodeURIComponent(new Date(Date.now() + 5 * 86_400_000).toISOString())}`, t.se)).map((r) => r.requestId).sort())
      .toEqual([ids.late, ids.danish].sort());
    expect((await list('?urgent=true', t.se)).map((r) => r.requestId).sort()).toEqual([ids.urgent, ids.danish].sort());
    expect((await list('?country=NO', t.se))).toEqual([]);
    const bad = await read<unknown>('/api/v1/information-requests?direction=sideways&overdueOnly=maybe&dueBefore=tomorrow', t.se);
    expect([bad.status, (bad.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field).sort()]).toEqual([400, ['direction', 'dueBefore', 'overdueOnly']]);
  });

  it('shows one request with its dated steps to both countries, 404 to a third', async () => {
    for (const token of [t.se, t.dk]) {
      const res = await read<Entry & { steps: { type: string; at: string; country: string }[] }>(`/api/v1/information-requests/${ids.urgent}`, token);
      expect(res.status).toBe(200);
      expect(res.body.data.steps.map((s) => [s.type, s.country])).toEqual([['InformationRequested', 'SE'], ['InformationProvided', 'DK']]);
    }
    const no = await t.h.token('NO');
    const forNo = await read(`/api/v1/information-requests/${ids.urgent}`, no);
    expect([forNo.status, forNo.body.code]).toEqual([404, 'INFORMATION_REQUEST_NOT_FOUND']);
    expect(await list('', no)).toEqual([]);
    expect((await read('/api/v1/information-requests/6f0f7a7e-0000-4000-8000-000000000000', t.se)).status).toBe(404);
    expect((await read('/api/v1/information-requests/not-a-uuid', t.se)).status).toBe(400);
  });

  it('merges request deadlines and custody reviews into one board per country, soonest first, in buckets', async () => {
    const board = async (token: string, query = '') => {
      const res = await read<Board>(`/api/v1/deadlines${query}`, token);
      expect(res.status).toBe(200);
      return res.body.data;
    };
    const se = await board(t.se);
    const mine = se.items.filter((i) => i.requestId !== null ? Object.values(ids).includes(i.requestId) : i.caseId === ids.caseId);
    expect(mine.map((i) => [i.kind, i.role, i.requestId ?? i.caseId, i.bucket])).toEqual([
      ['information_request', 'answer_expected', ids.late, 'overdue'],
      ['custody_review', 'custody_review', ids.caseId, 'next_3d'],
      ['information_request', 'answer_due', ids.danish, 'next_3d'],
    ]);
    expect(se.items.map((i) => i.dueAt)).toEqual([...se.items.map((i) => i.dueAt)].sort());
    expect(se.counts.overdue).toBeGreaterThanOrEqual(1);
    // The answered request and the one waiting for clarification have no running clock.
    expect(se.items.map((i) => i.requestId)).not.toContain(ids.urgent);
    expect(se.items.map((i) => i.requestId)).not.toContain(ids.clarifying);
    const dk = await board(t.dk, '?kind=information_request');
    expect(dk.items.map((i) => [i.role, i.requestId])).toEqual(expect.arrayContaining([['answer_due', ids.late], ['answer_expected', ids.danish]]));
    expect(dk.items.every((i) => i.kind === 'information_request')).toBe(true);
    expect((await board(t.se, '?bucket=overdue')).items.every((i) => i.bucket === 'overdue')).toBe(true);
    expect((await board(await t.h.token('NO'))).items.filter((i) => i.requestId !== null)).toEqual([]);
    const bad = await read('/api/v1/deadlines?kind=birthdays&bucket=soon', t.se);
    expect(bad.status).toBe(400);
    const noPurpose = await read('/api/v1/deadlines', t.se, null);
    expect([noPurpose.status, noPurpose.body.code]).toEqual([400, 'PURPOSE_REQUIRED']);
  });

  it('reports the Art. 18 statistics over HTTP without a purpose, as JSON and as CSV', async () => {
    const year = new Date(hoursAgo(10 * 24)).getUTCFullYear();
    const stats = (token: string, query: string, headers: Record<string, string> = {}) =>
      t.h.call('GET', `/api/v1/statistics/information-exchange?year=${year}${query}`, { token, headers: { 'x-min-position': position, ...headers } });
    const json = await stats(t.se, '');
    expect(json.status).toBe(200);
    const data = (json.body as unknown as Answer<{ year: number; country: string; submitted: { byRequestedCountry: { country: string; total: number }[] } }>).data;
    expect(data).toMatchObject({ year, country: 'SE' });
    expect(data.submitted.byRequestedCountry.find((c) => c.country === 'DK')?.total).toBeGreaterThanOrEqual(2);
    for (const [query, headers] of [['&format=csv', {}], ['', { accept: 'text/csv' }], ['', { accept: 'text/csv, application/json;q=0.5' }]] as const) {
      const csv = await stats(t.dk, query, headers);
      expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="information-exchange-DK-${year}.csv"`);
      const lines = csv.text.split('\r\n');
      expect(lines[0]).toBe('year,reporting_country,figure,other_country,urgency,ground,count');
      expect(lines).toContain(`${year},DK,received,SE,all,,${(await list('?direction=incoming&country=SE', t.dk)).filter((r) => r.deadlineAt.startsWith(String(year))).length}`);
    }
    expect((await stats(t.se, '', { accept: 'application/json, text/csv' })).headers.get('content-type')).toMatch(/^application\/json/);
    const bad = await t.h.call<{ errors: { field: string }[] }>('GET', '/api/v1/statistics/information-exchange?year=1999&format=xml', { token: t.se });
    expect([bad.status, bad.body.errors.map((e) => e.field).sort()]).toEqual([400, ['format', 'year']]);
    expect((await t.h.call('GET', '/api/v1/statistics/information-exchange', { token: t.se })).status).toBe(400);
    expect((await t.h.call('GET', `/api/v1/statistics/information-exchange?year=${year}`)).status).toBe(401);
  });

  it('needs a purpose and a token, and records what each read disclosed', async () => {
    for (const url of ['/api/v1/information-requests', `/api/v1/information-requests/${ids.urgent}`]) {
      const res = await read(url, t.se, null);
      expect([res.status, res.body.code]).toEqual([400, 'PURPOSE_REQUIRED']);
      expect((await t.h.call('GET', url)).status).toBe(401);
    }
    const res = await read(`/api/v1/information-requests/${ids.urgent}`, t.se);
    expect(res.headers.get('x-access-entry')).toMatch(/.+/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { useOfficerHarness } from '../../referrals/testing/referral-bodies.js';
import { fileBody, hoursAgo, type Filed } from '../../information-requests/testing/request-bodies.js';
import { auditCli } from '../testing/audit-cli.js';
import { eventually } from '../testing/audit-scenario.js';

// Reads of information requests (Directive 2023/977) name the requests they disclosed in the access
// record: the supervisor's ?request= filter finds them, other countries' supervisors do not learn
// which requests were read, and the audit export gathers a request's disclosures and its timeline.

type Entry = { entryId: string; query: string; officer: { country: string }; requestIds: string[]; caseIds: string[] };
const PURPOSE = 'SPOC follow-up (fictional)';

describe('access records of information-request reads', () => {
  const t = useOfficerHarness();
  let requestId = '';
  let other = '';
  let position = '0';
  const entries: Record<string, string> = {};

  beforeAll(async () => {
    const file = async (body: Record<string, unknown>): Promise<string> => {
      const res = await t.h.call<Filed>('POST', '/api/v1/information-requests', { token: t.se, body });
      expect(res.status).toBe(201);
      position = res.body.position ?? position;
      return res.body.requestId;
    };
    requestId = await file(fileBody({ receivedAt: hoursAgo(2) }));
    other = await file(fileBody({ receivedAt: hoursAgo(1) }));
    const headers = { 'x-purpose': PURPOSE, 'x-min-position': position };
    for (const [name, url] of [['detail', `/api/v1/information-requests/${requestId}`], ['register', '/api/v1/information-requests'], ['board', '/api/v1/deadlines']] as const) {
      const res = await t.h.call('GET', url, { token: t.dk, headers });
      expect(res.status).toBe(200);
      entries[name] = res.headers.get('x-access-entry') ?? '';
    }
  });

  const accessLog = async (country: 'SE' | 'DK', query: string) => {
    const res = await t.h.call<{ data: { items: Entry[] } }>('GET', `/api/v1/audit/access${query}`, { token: await t.h.token(country, 'supervisor', `${country}-sup`), headers: { 'x-purpose': 'Access review (fictional)' } });
    expect(res.status).toBe(200);
    return res.body.data.items;
  };

  it('records the request ids each answer disclosed, from detail, register items and board rows', async () => {
    const events = await t.h.store.readAll({ direction: 'backwards', maxCount: 20 });
    const recorded = (id: string) => (events.find((e) => e.id === id)?.data as { requestIds?: string[] } | undefined)?.requestIds;
    expect(recorded(entries.detail)).toEqual([requestId]);
    expect(recorded(entries.register)?.sort()).toEqual([requestId, other].sort());
    expect(recorded(entries.board)?.sort()).toEqual([requestId, other].sort());
  });

  // Before the supervisors' reads below, which disclose the request again (their records list it too).
  it('exports the request\'s disclosures and timeline (npm run audit -- export --request)', async () => {
    const ack = await t.h.call('POST', `/api/v1/information-requests/${requestId}/acknowledgement`, { token: t.dk, body: {} });
    expect(ack.status).toBeLessThan(300);
    const out = path.join(t.h.dataDir, 'request-export');
    const r = auditCli(t.h.dataDir, 'export', '--request', requestId, '--from', '2000-01-01T00:00:00Z', '--to', '2100-01-01T00:00:00Z', '--out', out);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('export: 3 access records, 2 request events');
    const rows = fs.readFileSync(path.join(out, 'access-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { entryId: string; requestIds: string; purpose: string });
    expect(rows.map((a) => a.entryId).sort()).toEqual(Object.values(entries).sort());
    expect(rows.every((a) => a.requestIds.split(' ').includes(requestId) && a.purpose === PURPOSE)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'access-log.csv'), 'utf8').split('\n')[0]).toContain(',requestIds,');
    const timeline = fs.readFileSync(path.join(out, 'timeline.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(timeline).toEqual(['InformationRequested', 'RequestAcknowledged']);
    expect(auditCli(t.h.dataDir, 'export', '--request', requestId, '--referral', requestId, '--from', 'x', '--to', 'y').status).toBe(2);
  });

  it('filters the access log by ?request= for the reading officer\'s supervisor; hides the ids from other countries\'', async () => {
    const dk = await eventually(async () => {
      // The supervisor's own reads of the log disclose the request too (and are listed): leave them out.
      const items = (await accessLog('DK', `?request=${requestId}`)).filter((e) => !e.query.startsWith('accessLog'));
      return items.length === 3 ? items : undefined;
    });
    expect(dk.map((e) => e.entryId).sort()).toEqual(Object.values(entries).sort());
    expect(dk.every((e) => e.requestIds.includes(requestId))).toBe(true);
    expect((await accessLog('DK', `?request=${other}`)).map((e) => e.entryId)).not.toContain(entries.detail);
    // SE sees no DK reads of these requests (no case it owns was disclosed), and never their ids.
    expect(await accessLog('SE', `?request=${requestId}`)).toEqual([]);
    expect((await accessLog('SE', '')).filter((e) => e.officer.country !== 'SE').every((e) => e.requestIds.length === 0)).toBe(true);
    const bad = await t.h.call('GET', '/api/v1/audit/access?request=not-a-uuid', { token: await t.h.token('DK', 'supervisor', 'DK-sup'), headers: { 'x-purpose': 'Access review (fictional)' } });
    expect(bad.status).toBe(400);
  });
});

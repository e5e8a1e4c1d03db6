import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pastInstant, startHarness, type Harness } from '../../cases/commands/testing/case-commands.harness.js';
import { referBody } from '../../referrals/testing/referral-bodies.js';
import { auditCli } from '../testing/audit-cli.js';

// Supervisor audit of a referral stream: replay as of a point in record time, and the hash chain.

let h: Harness;
let referralId: string;
let removedAt: string;
const purpose = { 'x-purpose': 'Platform complaint review 2026/7' };

interface Replay {
  data: {
    originCountry: string; eventCount: number; position: string | null;
    state: { exists?: boolean };
    detail: { status: string; coReferrers: string[] } | null;
    timeline: { type: string; recordedAt: string; country: string; hash: string | null }[];
  };
}

beforeAll(async () => {
  h = await startHarness();
  const [se, dk] = await Promise.all([h.token('SE'), h.token('DK')]);
  const body = referBody({ referredAt: pastInstant(5) });
  referralId = (await h.call<{ referralId: string }>('POST', '/api/v1/referrals', { token: se, body })).body.referralId;
  await h.call('POST', '/api/v1/referrals', { token: dk, body: { ...body, unit: 'NKC' } });
  await h.call('POST', `/api/v1/referrals/${referralId}/sent`, { token: se, body: { sentAt: pastInstant(4) } });
  const removed = await h.call<{ position: string }>('POST', `/api/v1/referrals/${referralId}/outcome`, { token: se, body: { outcome: 'removed', at: pastInstant(3) } });
  removedAt = (await h.store.readStream(`referral-${referralId}`)).find((e) => e.position.toString() === removed.body.position)!.recordedAt;
});
afterAll(async () => h?.close());

const replay = async (asOf: string, country: 'SE' | 'DK' | 'NO' = 'SE') =>
  h.call<Replay>('GET', `/api/v1/audit/referrals/${referralId}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`, {
    token: await h.token(country, 'supervisor', `${country.toLowerCase()}-sup`), headers: purpose,
  });

describe('GET /api/v1/audit/referrals/:id', () => {
  it('replays the referral up to a record-time instant: before the removal was recorded it was still open', async () => {
    const now = await replay('');
    expect(now.status).toBe(200);
    expect(now.body.data.timeline.map((e) => e.type)).toEqual(['ContentReferred', 'CoReferrerJoined', 'ReferralSentToPlatform', 'ContentRemoved']);
    expect(now.body.data.detail).toMatchObject({ status: 'removed', coReferrers: ['DK'] });
    expect(now.body.data.timeline.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
    const before = await replay(new Date(Date.parse(removedAt) - 1).toISOString());
    expect(before.body.data.detail?.status).toBe('sent');
    expect(before.body.data.timeline.map((e) => e.type)).not.toContain('ContentRemoved');
  });

  it('is open to supervisors of every referring country (DK joined) and to nobody else, and needs a purpose', async () => {
    expect((await replay('', 'DK')).status).toBe(200);
    const no = await replay('', 'NO');
    expect([no.status, (no.body as unknown as { code: string }).code]).toEqual([404, 'REFERRAL_NOT_FOUND']);
    const officer = await h.call('GET', `/api/v1/audit/referrals/${referralId}`, { token: await h.token('SE'), headers: purpose });
    expect(officer.status).toBe(403);
    const noPurpose = await h.call('GET', `/api/v1/audit/referrals/${referralId}`, { token: await h.token('SE', 'supervisor', 'se-sup') });
    expect(noPurpose.status).toBe(400);
  });

  it('exports the referral\'s disclosures and timeline for the data protection authority', async () => {
    const read = await h.call('GET', `/api/v1/referrals/${referralId}`, { token: await h.token('DK'), headers: { 'x-purpose': 'Joint follow-up DK/SE' } });
    expect(read.status).toBe(200);
    const out = path.join(h.dataDir, 'referral-export');
    const r = auditCli(h.dataDir, 'export', '--referral', referralId, '--from', '2000-01-01T00:00:00Z', '--to', '2100-01-01T00:00:00Z', '--out', out);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('4 referral events');
    const accesses = fs.readFileSync(path.join(out, 'access-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { purpose: string; referralIds: string });
    expect(accesses.map((a) => a.purpose)).toContain('Joint follow-up DK/SE');
    expect(accesses.every((a) => a.referralIds.split(' ').includes(referralId))).toBe(true);
    const timeline = fs.readFileSync(path.join(out, 'timeline.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(timeline).toEqual(['ContentReferred', 'CoReferrerJoined', 'ReferralSentToPlatform', 'ContentRemoved']);
    expect(auditCli(h.dataDir, 'export', '--referral', referralId, '--case', referralId, '--from', 'x', '--to', 'y').status).toBe(2);
  });

  it('verifies the stream\'s hash chain, and finds a broken link', async () => {
    const sup = await h.token('SE', 'supervisor', 'se-sup');
    const ok = await h.call<{ data: { ok: boolean; stream: string; events: number } }>('GET', `/api/v1/audit/referrals/${referralId}/verify`, { token: sup });
    expect(ok.body.data).toMatchObject({ ok: true, stream: `referral-${referralId}`, events: 4 });
    // Tamper with a stored event behind the service's back: the chain names it.
    const db = new Database(path.join(h.dataDir, 'events.db'));
    expect(db.prepare("UPDATE events SET data = json_set(data, '$.unit', 'edited') WHERE stream_id = ? AND revision = 1").run(`referral-${referralId}`).changes).toBe(1);
    db.close();
    const broken = await h.call<{ data: { ok: boolean; firstBreak: { revision: string } } }>('GET', `/api/v1/audit/referrals/${referralId}/verify`, { token: sup });
    expect(broken.body.data.ok).toBe(false);
    expect(broken.body.data.firstBreak).toMatchObject({ revision: '1', reason: 'hash-mismatch' });
  });
});

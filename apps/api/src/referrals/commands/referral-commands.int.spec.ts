import { describe, expect, it } from '@jest/globals';
import { openCaseBody, pastInstant } from '../../cases/commands/testing/case-commands.harness.js';
import { freshLocator, referBody, useOfficerHarness } from '../testing/referral-bodies.js';

// The referral command API over real HTTP: one referral stream per test (fresh locator), the real app.

describe('referral commands over HTTP', () => {
  const t = useOfficerHarness();

  const refer = (token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.h.call<{ referralId: string; revision: number; events: string[] }>('POST', '/api/v1/referrals', { token, body, headers });
  const on = (id: string, action: string, token: string, body: unknown = {}, headers?: Record<string, string>) =>
    t.h.call<{ events: string[]; code?: string; errors?: { field: string }[] }>('POST', `/api/v1/referrals/${id}/${action}`, { token, body, headers });

  it('refers content once: another spelling of the same URL from DK joins as co-referrer, from SE again changes nothing', async () => {
    const locator = freshLocator();
    const first = await refer(t.se, referBody({ locator }));
    expect(first.status).toBe(201);
    expect(first.body.events).toEqual(['ContentReferred']);
    const variant = locator.replace('https://www.', 'http://') + '?utm_source=share&is_from_webapp=1';
    const joined = await refer(t.dk, referBody({ locator: variant }));
    expect(joined.body).toMatchObject({ referralId: first.body.referralId, events: ['CoReferrerJoined'] });
    const again = await refer(t.se, referBody({ locator: variant }));
    expect(again.body).toMatchObject({ referralId: first.body.referralId, events: [] });
    const stream = await t.h.store.readStream(`referral-${first.body.referralId}`);
    expect(stream.map((e) => e.type)).toEqual(['ContentReferred', 'CoReferrerJoined']);
    // Stored facts carry the hash of the normalised locator and never the capture.
    expect(stream[0].data.locatorSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('follows a referral through sending, acknowledgement, removal, reappearance and a second round', async () => {
    const { body: { referralId } } = await refer(t.se, referBody({ referredAt: pastInstant(10) }));
    expect((await on(referralId, 'outcome', t.se, { outcome: 'removed', at: pastInstant(8) })).body.code).toBe('REFERRAL_NOT_SENT');
    expect((await on(referralId, 'sent', t.se, { sentAt: pastInstant(9), channel: 'portal' })).body.events).toEqual(['ReferralSentToPlatform']);
    expect((await on(referralId, 'acknowledgement', t.se, { acknowledgedAt: pastInstant(9, 12) })).body.events).toEqual(['PlatformAcknowledged']);
    expect((await on(referralId, 'outcome', t.se, { outcome: 'removed', at: pastInstant(8) })).body.events).toEqual(['ContentRemoved']);
    // The same answer again (a re-imported file) is a no-op; a different one is refused.
    expect((await on(referralId, 'outcome', t.se, { outcome: 'removed', at: pastInstant(8) })).body.events).toEqual([]);
    const other = await on(referralId, 'outcome', t.se, { outcome: 'declined', at: pastInstant(8), reason: 'other' });
    expect([other.status, other.body.code]).toEqual([422, 'REFERRAL_OUTCOME_ALREADY_RECORDED']);
    expect((await on(referralId, 'reappearances', t.se, { locator: freshLocator(), seenAt: pastInstant(5) })).body.events).toEqual(['ContentReappeared']);
    expect((await on(referralId, 'sent', t.se, { sentAt: pastInstant(4) })).body.events).toEqual(['ReferralSentToPlatform']);
    // Seven-day follow-up from four days ago: not yet due.
    const early = await on(referralId, 'no-response', t.se);
    expect([early.status, early.body.code]).toEqual([422, 'REFERRAL_RESPONSE_NOT_DUE']);
    expect((await on(referralId, 'outcome', t.se, { outcome: 'geo_blocked', at: pastInstant(3), countries: ['SE', 'DK'] })).body.events).toEqual(['ContentGeoBlocked']);
  });

  it('records NoPlatformResponse once a removal order\'s hour has passed, and still takes a late answer', async () => {
    const { body: { referralId } } = await refer(t.se, referBody({ basis: 'removal_order', contentKind: 'terrorist_content', referredAt: pastInstant(2) }));
    await on(referralId, 'sent', t.se, { sentAt: pastInstant(2) });
    expect((await on(referralId, 'no-response', t.se)).body.events).toEqual(['NoPlatformResponse']);
    expect((await on(referralId, 'no-response', t.se)).body.events).toEqual([]);
    expect((await on(referralId, 'outcome', t.se, { outcome: 'removed', at: pastInstant(1) })).body.events).toEqual(['ContentRemoved']);
  });

  it('lets only the originating country withdraw, and nothing is recorded on a withdrawn referral', async () => {
    const locator = freshLocator();
    const { body: { referralId } } = await refer(t.se, referBody({ locator }));
    await refer(t.dk, referBody({ locator }));
    const byDk = await on(referralId, 'withdrawal', t.dk, { reason: 'duplicate of national case' });
    expect([byDk.status, byDk.body.code]).toEqual([403, 'NOT_THE_ORIGINATOR']);
    expect((await on(referralId, 'withdrawal', t.se, { reason: 'news report, not recruitment' })).body.events).toEqual(['ReferralWithdrawn']);
    const after = await on(referralId, 'sent', t.se, {});
    expect([after.status, after.body.code]).toEqual([422, 'REFERRAL_WITHDRAWN']);
  });

  it('answers 403 to a country that did not refer it, 404 for an unknown referral, 401 without a token, 403 without write scope', async () => {
    const { body: { referralId } } = await refer(t.se, referBody());
    const no = await on(referralId, 'sent', await t.h.token('NO'), {});
    expect([no.status, no.body.code]).toEqual([403, 'NOT_A_REFERRER']);
    expect((await on('6f0f7a7e-0000-4000-8000-000000000000', 'sent', t.se, {})).status).toBe(404);
    expect((await t.h.call('POST', '/api/v1/referrals', { body: referBody() })).status).toBe(401);
    expect((await refer(await t.h.token('SE', 'analyst'), referBody())).status).toBe(403);
    expect((await on('not-a-uuid', 'sent', t.se, {})).status).toBe(400);
  });

  it('validates bodies field by field (400) and the decider\'s rules (422)', async () => {
    const bad = await t.h.call<{ errors: { field: string }[] }>('POST', '/api/v1/referrals', { token: t.se, body: referBody({ platform: 'myspace', basis: 'please', locator: ' ', extra: 1 }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['basis', 'extra', 'locator', 'platform']);
    const other = await refer(t.se, referBody({ platform: 'other' }));
    expect(other.status).toBe(422);
    const { body: { referralId } } = await refer(t.se, referBody());
    await on(referralId, 'sent', t.se, {});
    const geo = await on(referralId, 'outcome', t.se, { outcome: 'geo_blocked', at: new Date().toISOString() });
    expect([geo.status, geo.body.errors?.[0].field]).toEqual([400, 'countries']);
    const declined = await on(referralId, 'outcome', t.se, { outcome: 'declined', at: new Date().toISOString() });
    expect([declined.status, declined.body.errors?.[0].field]).toEqual([400, 'reason']);
    const future = await refer(t.se, referBody({ referredAt: '2999-01-01T00:00:00Z' }));
    expect([future.status, (future.body as { code?: string }).code]).toEqual([422, 'TIMESTAMP_IN_FUTURE']);
  });

  it('checks links: a case the country cannot contribute to reads as missing, a handler needs its case', async () => {
    const dkCase = await t.h.call<{ caseId: string }>('POST', '/api/v1/cases', { token: t.dk, body: openCaseBody() });
    const hidden = await t.h.call<{ code: string; errors: { field: string }[] }>('POST', '/api/v1/referrals', { token: t.se, body: referBody({ caseId: dkCase.body.caseId }) });
    expect([hidden.status, hidden.body.code, hidden.body.errors[0].field]).toEqual([422, 'LINKED_CASE_NOT_FOUND', 'caseId']);
    const orphan = await t.h.call<{ code: string }>('POST', '/api/v1/referrals', { token: t.se, body: referBody({ handlerId: '0d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) });
    expect([orphan.status, orphan.body.code]).toEqual([422, 'HANDLER_NEEDS_CASE']);
    const linked = await refer(t.dk, referBody({ caseId: dkCase.body.caseId }));
    expect(linked.status).toBe(201);
  });

  it('honours If-Match (412 when stale) and Idempotency-Key (the first answer replayed)', async () => {
    const { body: { referralId } } = await refer(t.se, referBody());
    const stale = await on(referralId, 'sent', t.se, {}, { 'if-match': '"5"' });
    expect([stale.status, stale.body.code]).toEqual([412, 'REVISION_MISMATCH']);
    const body = referBody();
    const a = await refer(t.se, body, { 'idempotency-key': `refer-${referralId}` });
    const b = await refer(t.se, body, { 'idempotency-key': `refer-${referralId}` });
    expect(b.body).toEqual(a.body);
    expect(b.body.events).toEqual(['ContentReferred']);
  });
});

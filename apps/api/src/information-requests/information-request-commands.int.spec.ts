import { describe, expect, it, jest } from '@jest/globals';
import { WrongExpectedVersion } from '@liaison/event-store';
import { openCaseBody } from '../cases/commands/testing/case-commands.harness.js';
import { useOfficerHarness } from '../referrals/testing/referral-bodies.js';
import { URGENT, fileBody, fileRequest, hoursAgo, type Filed } from './testing/request-bodies.js';

// The information-request command API over real HTTP (Directive 2023/977): SE files to DK, DK answers;
// NO is the third country that may do nothing on it. One request stream per test.

describe('information-request commands over HTTP', () => {
  const t = useOfficerHarness();

  const file = (token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.h.call<Filed>('POST', '/api/v1/information-requests', { token, body, headers });
  const on = (id: string, action: string, token: string, body: unknown = {}, headers?: Record<string, string>) =>
    t.h.call<Filed>('POST', `/api/v1/information-requests/${id}/${action}`, { token, body, headers });
  const stream = (id: string) => t.h.store.readStream(`information-request-${id}`);

  it('files a request (201, requestId, ETag) with the deadline derived in the requested SPOC\'s time zone', async () => {
    const receivedAt = hoursAgo(2);
    const res = await file(t.se, fileBody({ ...URGENT, receivedAt }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: 0, events: ['InformationRequested'] });
    expect(res.headers.get('etag')).toBe('"0"');
    const [filed] = await stream(res.body.requestId);
    expect(filed.data).toMatchObject({
      requestId: res.body.requestId, requestingCountry: 'SE', requestedCountry: 'DK', urgent: true, access: 'direct', channel: 'siena',
      timeZone: 'Europe/Copenhagen', deadlineRule: '8h', deadlineAt: new Date(Date.parse(receivedAt) + 8 * 3_600_000).toISOString(),
    });
    // Who filed it and when it was recorded are metadata, from the token and the clock.
    expect(filed.metadata).toMatchObject({ actor: 'se-officer-1', country: 'SE' });
    // 7 calendar days in Europe/Oslo for a request to NO (from DK): the same wall-clock time a week later.
    const toNorway = await fileRequest(t.h, t.dk, { requestedCountry: 'NO', receivedAt: '2025-03-27T10:00:00+01:00' });
    const [toNo] = await stream(toNorway);
    expect(toNo.data).toMatchObject({ requestingCountry: 'DK', timeZone: 'Europe/Oslo', deadlineRule: '7d', deadlineAt: '2025-04-03T08:00:00.000Z' });
  });

  it('follows a request through acknowledgement, clarification, judicial authorisation and the answer', async () => {
    // One instant for every time below, so the spans the deadline moves by are exact (see hoursAgo).
    const now = Date.now();
    const ago = (hours: number) => hoursAgo(hours, now);
    const id = await fileRequest(t.h, t.se, { access: 'indirect', ...URGENT, receivedAt: ago(30) });
    expect((await on(id, 'acknowledgement', t.dk, { acknowledgedAt: ago(29) })).body.events).toEqual(['RequestAcknowledged']);
    expect((await on(id, 'clarification-request', t.dk, { question: 'Which of the two fictional numbers?', requestedAt: ago(28) })).body.events)
      .toEqual(['ClarificationRequested']);
    expect((await on(id, 'clarification', t.se, { answer: 'The one ending in 17.', providedAt: ago(20) })).body.events).toEqual(['ClarificationProvided']);
    expect((await on(id, 'forwarding', t.dk, { authority: 'Customs intelligence (fictional)', forwardedAt: ago(19) })).body.events).toEqual(['RequestForwardedTo']);
    expect((await on(id, 'judicial-authorisation-notice', t.dk, { expectedDelayDays: 2, reason: 'Court order for traffic data (fictional)', noticeSentAt: ago(18) })).body.events)
      .toEqual(['JudicialAuthorisationPending']);
    expect((await on(id, 'judicial-authorisation', t.dk, { obtainedAt: ago(4) })).body.events).toEqual(['JudicialAuthorisationObtained']);
    const answered = await on(id, 'information', t.dk, { summary: 'Subscriber data (fictional)', partial: false, providedAt: ago(3) });
    expect([answered.status, answered.body.events, answered.body.revision]).toEqual([200, ['InformationProvided'], 7]);
    const events = await stream(id);
    // Suspension (8 h of clarification) and the authorisation (14 h) moved the 3-day deadline on.
    const filed = events[0].data.deadlineAt as string;
    const obtained = events.find((e) => e.type === 'JudicialAuthorisationObtained')!.data.deadlineAt as string;
    expect(Date.parse(obtained) - Date.parse(filed)).toBe((8 + 14) * 3_600_000);
    expect(events.at(-1)!.data).toMatchObject({ late: false, partial: false });
    const after = await on(id, 'withdrawal', t.se, { reason: 'no longer needed' });
    expect([after.status, after.body.code]).toEqual([422, 'REQUEST_CLOSED']);
  });

  it('refuses only on Art. 6(1) grounds (400 otherwise) and only within the deadline (422 REFUSAL_AFTER_DEADLINE)', async () => {
    const id = await fileRequest(t.h, t.se, { receivedAt: hoursAgo(24) });
    const noGround = await on(id, 'refusal', t.dk, { grounds: [] });
    expect([noGround.status, noGround.body.errors?.[0].field]).toEqual([400, 'grounds']);
    const badGround = await on(id, 'refusal', t.dk, { grounds: [{ ground: 'z', reason: 'not on the list' }] });
    expect([badGround.status, badGround.body.errors?.[0].field]).toEqual([400, 'grounds.0.ground']);
    const twice = await on(id, 'refusal', t.dk, { grounds: [{ ground: 'a', reason: 'x' }, { ground: 'a', reason: 'y' }] });
    expect([twice.status, twice.body.errors?.[0].field]).toEqual([400, 'grounds']);
    const refused = await on(id, 'refusal', t.dk, { grounds: [{ ground: 'g', reason: 'Fine only in DK (fictional)' }, { ground: 'a', reason: 'Not held' }], partial: true });
    expect([refused.status, refused.body.events]).toEqual([200, ['RequestRefused']]);
    expect((await stream(id)).at(-1)!.data).toMatchObject({ grounds: [{ ground: 'g' }, { ground: 'a' }], partial: true });

    // Received eight days ago, not urgent: the seven days are over.
    const late = await fileRequest(t.h, t.se, { receivedAt: hoursAgo(8 * 24) });
    const tooLate = await on(late, 'refusal', t.dk, { grounds: [{ ground: 'a', reason: 'Not held' }] });
    expect([tooLate.status, tooLate.body.code]).toEqual([422, 'REFUSAL_AFTER_DEADLINE']);
    // Answering late is still possible, and recorded as late (Art. 18 statistics).
    expect((await on(late, 'information', t.dk, { summary: 'Late answer (fictional)' })).body.events).toEqual(['InformationProvided']);
    expect((await stream(late)).at(-1)!.data).toMatchObject({ late: true });
  });

  it('lets each side record only its half, a third country nothing (403), and answers 404 for an unknown request', async () => {
    const id = await fileRequest(t.h, t.se);
    const no = await t.h.token('NO');
    for (const [action, body] of [['acknowledgement', {}], ['withdrawal', { reason: 'x' }], ['clarification', { answer: 'x' }]] as const) {
      const res = await on(id, action, no, body);
      expect([action, res.status, res.body.code]).toEqual([action, 403, 'NOT_A_PARTY']);
    }
    const bySe = await on(id, 'refusal', t.se, { grounds: [{ ground: 'a', reason: 'x' }] });
    expect([bySe.status, bySe.body.code]).toEqual([403, 'NOT_THE_REQUESTED_COUNTRY']);
    const byDk = await on(id, 'withdrawal', t.dk, { reason: 'not ours' });
    expect([byDk.status, byDk.body.code]).toEqual([403, 'NOT_THE_REQUESTING_COUNTRY']);
    expect(await stream(id)).toHaveLength(1);
    const unknown = await on('6f0f7a7e-0000-4000-8000-000000000000', 'acknowledgement', t.dk);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'INFORMATION_REQUEST_NOT_FOUND']);
    expect((await on('not-a-uuid', 'acknowledgement', t.dk)).status).toBe(400);
    expect((await t.h.call('POST', '/api/v1/information-requests', { body: fileBody() })).status).toBe(401);
    expect((await t.h.call('POST', `/api/v1/information-requests/${id}/acknowledgement`, { body: {} })).status).toBe(401);
    expect((await file(await t.h.token('SE', 'analyst'), fileBody())).status).toBe(403);
  });

  it('withdraws on the requesting side; nothing more is recorded afterwards', async () => {
    const id = await fileRequest(t.h, t.se);
    expect((await on(id, 'withdrawal', t.se, { reason: 'Obtained nationally (fictional)' })).body.events).toEqual(['RequestWithdrawn']);
    const ack = await on(id, 'acknowledgement', t.dk);
    expect([ack.status, ack.body.code]).toEqual([422, 'REQUEST_CLOSED']);
  });

  it('validates bodies field by field (400) and refuses what the rules forbid (422)', async () => {
    const bad = await file(t.se, fileBody({ requestedCountry: 'dk', access: 'sometimes', language: 'EN', urgent: 'yes', extra: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['access', 'extra', 'language', 'requestedCountry', 'urgent']);
    const noReason = await file(t.se, fileBody({ urgent: true }));
    expect([noReason.status, noReason.body.errors?.map((e) => e.field)]).toEqual([400, ['urgencyReason']]);
    const reasonNotUrgent = await file(t.se, fileBody({ urgent: false, urgencyReason: 'imminent_risk_of_losing_relevance' }));
    expect([reasonNotUrgent.status, reasonNotUrgent.body.errors?.map((e) => e.field)]).toEqual([400, ['urgencyReason']]);
    const blank = await file(t.se, fileBody({ informationSought: '   ', receivedAt: '2025-03-04T08:00:00' }));
    expect(blank.body.errors?.map((e) => e.field).sort()).toEqual(['informationSought', 'receivedAt']);
    const notice = await on(await fileRequest(t.h, t.se), 'judicial-authorisation-notice', t.dk, { expectedDelayDays: 0, reason: 'x' });
    expect([notice.status, notice.body.errors?.map((e) => e.field)]).toEqual([400, ['expectedDelayDays']]);

    const own = await file(t.se, fileBody({ requestedCountry: 'SE' }));
    expect([own.status, own.body.code]).toEqual([422, 'CANNOT_REQUEST_OWN_COUNTRY']);
    const noZone = await file(t.se, fileBody({ requestedCountry: 'DE' }));
    expect([noZone.status, noZone.body.code, noZone.body.errors?.[0].field]).toEqual([422, 'SPOC_TIME_ZONE_UNKNOWN', 'requestedCountry']);
    const future = await file(t.se, fileBody({ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(future.status).toBe(422);
  });

  it('links a case the filing country may contribute to, and answers 422 LINKED_CASE_NOT_FOUND for any other', async () => {
    const own = (await t.h.call<{ caseId: string }>('POST', '/api/v1/cases', { token: t.se, body: openCaseBody() })).body.caseId;
    const danish = (await t.h.call<{ caseId: string }>('POST', '/api/v1/cases', { token: t.dk, body: openCaseBody() })).body.caseId;
    const linked = await file(t.se, fileBody({ caseId: own }));
    expect(linked.status).toBe(201);
    expect((await stream(linked.body.requestId))[0].data.caseId).toBe(own);
    for (const caseId of [danish, '6f0f7a7e-0000-4000-8000-0000000000ca']) {
      const res = await file(t.se, fileBody({ caseId }));
      expect([res.status, res.body.code, res.body.errors?.[0].field]).toEqual([422, 'LINKED_CASE_NOT_FOUND', 'caseId']);
    }
    // Shared for reading only is not enough to link; shared for contribution is.
    await t.h.call('POST', `/api/v1/cases/${danish}/sharing`, { token: t.dk, body: { partnerCountry: 'SE', level: 'read' } });
    expect((await file(t.se, fileBody({ caseId: danish }))).body.code).toBe('LINKED_CASE_NOT_FOUND');
    await t.h.call('POST', `/api/v1/cases/${danish}/sharing`, { token: t.dk, body: { partnerCountry: 'SE', level: 'contribute' } });
    expect((await file(t.se, fileBody({ caseId: danish }))).status).toBe(201);
  });

  it('pins a revision with If-Match (412 when stale, 400 when malformed)', async () => {
    const id = await fileRequest(t.h, t.se);
    const ack = await on(id, 'acknowledgement', t.dk, {}, { 'if-match': '"0"' });
    expect([ack.status, ack.headers.get('etag')]).toEqual([200, '"1"']);
    const stale = await on(id, 'forwarding', t.dk, { authority: 'Customs (fictional)' }, { 'if-match': '"0"' });
    expect([stale.status, stale.body.code]).toEqual([412, 'REVISION_MISMATCH']);
    expect((await on(id, 'forwarding', t.dk, { authority: 'Customs (fictional)' }, { 'if-match': 'latest' })).status).toBe(400);
    expect(await stream(id)).toHaveLength(2);
  });

  it('replays the first answer for an Idempotency-Key (one request filed), 422 for the key with another body', async () => {
    const headers = { 'idempotency-key': `file-${Date.now()}` };
    const [a, b] = await Promise.all([0, 1].map(() => file(t.se, fileBody(), headers)));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(await stream(a.body.requestId)).toHaveLength(1);
    const other = await file(t.se, fileBody({ purpose: 'Another purpose (fictional)' }), headers);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('answers 409 when a writer elsewhere keeps changing the request', async () => {
    const id = await fileRequest(t.h, t.se);
    const append = jest.spyOn(t.h.store, 'append').mockImplementation(async (streamId) => {
      throw new WrongExpectedVersion(streamId, 0n, 1n);
    });
    try {
      const res = await on(id, 'acknowledgement', t.dk);
      expect([res.status, res.body.code]).toEqual([409, 'CONCURRENT_MODIFICATION']);
    } finally {
      append.mockRestore();
    }
  });
});

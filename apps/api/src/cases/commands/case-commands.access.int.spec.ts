import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { detentionBody, openCaseBody, pastInstant, personBody, startHarness, type Harness } from './testing/case-commands.harness.js';

// Who may do what: 401 without a verified token, 403 for a missing scope or a country without
// the right on the case, 404 for an unknown case, 422 with `code` when a domain rule refuses.

let h: Harness;
let se: string;
let dk: string;
let no: string;
let caseId: string;
let personId: string;

beforeAll(async () => {
  h = await startHarness();
  [se, dk, no] = await Promise.all([h.token('SE'), h.token('DK'), h.token('NO')]);
  caseId = (await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() })).body.caseId as string;
  personId = (await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody() })).body.personId as string;
});
afterAll(async () => h?.close());

const path = (suffix = '') => `/api/v1/cases/${caseId}${suffix}`;

describe('401 without a verified token', () => {
  it.each([
    ['no token', (): Record<string, string> => ({})],
    ['a garbage token', () => ({ authorization: 'Bearer not.a.jwt' })],
    ['a token with a forged signature', () => ({ authorization: `Bearer ${se.slice(0, -4)}AAAA` })],
    ['another scheme', () => ({ authorization: 'Basic c2U6b2ZmaWNlcg==' })],
  ])('answers 401 for %s and records nothing', async (_what, headers) => {
    const auth = headers();
    const res = await h.call('POST', path('/persons'), { body: personBody(), headers: auth });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Authentication required' });
    const open = await h.call('POST', '/api/v1/cases', { body: openCaseBody(), headers: auth });
    expect(open.status).toBe(401);
    expect((await h.events(caseId)).length).toBe(2);
  });
});

describe('403', () => {
  it('refuses writes from roles without cases:write (analyst, supervisor)', async () => {
    for (const role of ['analyst', 'supervisor'] as const) {
      const token = await h.token('SE', role);
      const open = await h.call('POST', '/api/v1/cases', { token, body: openCaseBody() });
      expect(open.status).toBe(403);
      expect(open.body.message).toBe('Insufficient scope');
      const register = await h.call('POST', path('/persons'), { token, body: personBody() });
      expect(register.status).toBe(403);
      const share = await h.call('POST', path('/sharing'), { token, body: { partnerCountry: 'DK', level: 'read' } });
      expect(share.status).toBe(403);
    }
  });

  it('refuses a DK officer writing to an SE case that is not shared', async () => {
    const res = await h.call('POST', path('/persons'), { token: dk, body: personBody() });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_SHARED_FOR_CONTRIBUTION');
  });

  it('refuses a read partner writing, and lets a contribute partner add facts', async () => {
    expect((await h.call('POST', path('/sharing'), { token: se, body: { partnerCountry: 'NO', level: 'read' } })).status).toBe(200);
    expect((await h.call('POST', path('/sharing'), { token: se, body: { partnerCountry: 'DK', level: 'contribute' } })).status).toBe(200);
    const read = await h.call('POST', path('/persons'), { token: no, body: personBody() });
    expect(read.status).toBe(403);
    expect(read.body.code).toBe('NOT_SHARED_FOR_CONTRIBUTION');
    const contribute = await h.call('POST', path('/persons'), { token: dk, body: personBody({ name: 'Testperson Dansk' }) });
    expect(contribute.status).toBe(201);
  });

  it('refuses a contribute partner managing sharing or the case lifecycle (NOT_OWNER)', async () => {
    const share = await h.call('POST', path('/sharing'), { token: dk, body: { partnerCountry: 'FI', level: 'read' } });
    const revoke = await h.call('DELETE', path('/sharing/NO'), { token: dk });
    const close = await h.call('POST', path('/close'), { token: dk, body: { reason: 'Not ours to close.' } });
    for (const res of [share, revoke, close]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_OWNER');
    }
  });

  it('tells a country without access nothing about the case beyond 403', async () => {
    const fi = await h.token('FI');
    const res = await h.call('POST', path('/close'), { token: fi, body: { reason: 'x' } });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('Fictional recruitment network');
  });
});

describe('404', () => {
  it('answers 404 CASE_NOT_FOUND for an unknown case, on every kind of route', async () => {
    const unknown = `/api/v1/cases/${randomUUID()}`;
    const id = randomUUID();
    const calls: [string, string, unknown][] = [
      ['POST', '/persons', personBody()],
      ['POST', '/sharing', { partnerCountry: 'DK', level: 'read' }],
      ['DELETE', '/sharing/DK', undefined],
      ['POST', '/close', { reason: 'x' }],
      ['POST', `/detentions/${id}/end`, { outcome: 'released', endedAt: pastInstant(1) }],
      ['POST', `/extraditions/${id}/consent`, { consentedAt: pastInstant(1) }],
    ];
    for (const [method, suffix, body] of calls) {
      const res = await h.call(method, unknown + suffix, { token: se, body });
      expect({ suffix, status: res.status, code: res.body.code }).toEqual({ suffix, status: 404, code: 'CASE_NOT_FOUND' });
    }
  });
});

describe('422 with a domain code', () => {
  it('refuses a detention of an unregistered person (PERSON_NOT_REGISTERED)', async () => {
    const res = await h.call('POST', path('/detentions'), { token: se, body: detentionBody(randomUUID()) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'PERSON_NOT_REGISTERED', errors: [{ field: 'personId' }] });
  });

  it('refuses a second open detention of the same person (DETENTION_ALREADY_OPEN)', async () => {
    expect((await h.call('POST', path('/detentions'), { token: se, body: detentionBody(personId) })).status).toBe(201);
    const second = await h.call('POST', path('/detentions'), { token: se, body: detentionBody(personId, { holdingCountry: 'SE' }) });
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('DETENTION_ALREADY_OPEN');
  });

  it.each([
    ['an existing caseId', () => ['POST', '/api/v1/cases', openCaseBody({ caseId })], 'CASE_ALREADY_EXISTS'],
    ['H3 without handlingText', () => ['POST', '/api/v1/cases', openCaseBody({ handlingCode: 'H3' })], 'HANDLING_TEXT_REQUIRED'],
    ['a person without name or pseudonym', () => ['POST', path('/persons'), personBody({ name: undefined })], 'PERSON_IDENTITY_REQUIRED'],
    ['a detention in the future', () => ['POST', path('/detentions'), detentionBody(personId, { detainedAt: pastInstant(-2) })], 'TIMESTAMP_IN_FUTURE'],
    ['sharing with the owner', () => ['POST', path('/sharing'), { partnerCountry: 'SE', level: 'read' }], 'CANNOT_SHARE_WITH_OWNER'],
    ['a route that does not fit', () => ['POST', path('/extraditions'), {
      personId, requestingCountry: 'SE', requestedCountry: 'DK', route: 'third-country', sentAt: pastInstant(3),
    }], 'EXTRADITION_ROUTE_NOT_APPLICABLE'],
  ] as [string, () => [string, string, unknown], string][])('refuses %s', async (_what, request, code) => {
    const [method, url, body] = request();
    const res = await h.call(method, url, { token: se, body });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
  });

  it('refuses facts on a closed case (CASE_CLOSED) until it is reopened', async () => {
    expect((await h.call('POST', path('/close'), { token: se, body: { reason: 'Done.' } })).status).toBe(200);
    const closed = await h.call('POST', path('/persons'), { token: se, body: personBody() });
    expect(closed.status).toBe(422);
    expect(closed.body.code).toBe('CASE_CLOSED');
    expect((await h.call('POST', path('/reopen'), { token: se, body: { reason: 'New lead.' } })).status).toBe(200);
    expect((await h.call('POST', path('/persons'), { token: se, body: personBody() })).status).toBe(201);
  });
});

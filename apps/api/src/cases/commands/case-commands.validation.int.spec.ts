import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BODY_LIMIT, detentionBody, evaluation, openCaseBody, personBody, startHarness, type Harness, type Reply } from './testing/case-commands.harness.js';

// The DTO layer answers malformed input with field-level 400s before the domain sees it, and no
// input, however odd, produces a 500 or leaks a stack trace.

type Problem = { statusCode: number; message: string; code?: string; errors?: { field: string; messages: string[] }[] };

let h: Harness;
let se: string;
let caseId: string;
let personId: string;
const seen: Reply<Problem>[] = [];

beforeAll(async () => {
  h = await startHarness();
  se = await h.token('SE');
  caseId = (await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() })).body.caseId as string;
  personId = (await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody() })).body.personId as string;
});
afterAll(async () => h?.close());

async function send(method: string, path: string, options: Parameters<Harness['call']>[2] = {}): Promise<Reply<Problem>> {
  const res = await h.call<Problem>(method, path, { token: se, ...options });
  seen.push(res);
  return res;
}

/** The messages reported for one field (undefined when the field is not reported). */
const messagesFor = (res: Reply<Problem>, field: string): string | undefined =>
  res.body.errors?.filter((e) => e.field === field).flatMap((e) => e.messages).join(' | ') || undefined;

describe('field-level 400s', () => {
  it('names every missing required field', async () => {
    const res = await send('POST', '/api/v1/cases', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Validation failed');
    for (const field of ['title', 'offenceCategory', 'handlingCode']) expect(messagesFor(res, field)).toBeDefined();
    expect(messagesFor(res, 'caseId')).toBeUndefined();
  });

  it('rejects a value outside a domain enum, listing the allowed ones', async () => {
    const res = await send('POST', '/api/v1/cases', { body: openCaseBody({ handlingCode: 'H9' }) });
    expect(res.status).toBe(400);
    expect(messagesFor(res, 'handlingCode')).toBe('handlingCode must be one of H0, H1, H2, H3');
  });

  it('rejects blank and over-long free text', async () => {
    const blank = await send('POST', '/api/v1/cases', { body: openCaseBody({ title: '   ' }) });
    expect(messagesFor(blank, 'title')).toContain('title must not be blank');
    const long = await send('POST', '/api/v1/cases', { body: openCaseBody({ title: 'x'.repeat(201) }) });
    expect(long.status).toBe(400);
    expect(messagesFor(long, 'title')).toContain('title must be at most 200 characters');
    const reason = await send('POST', `/api/v1/cases/${caseId}/close`, { body: { reason: 'x'.repeat(1001) } });
    expect(messagesFor(reason, 'reason')).toContain('reason must be at most 1000 characters');
  });

  it.each([
    ['a date without time', '2025-03-01'],
    ['a local time without offset', '2025-03-01T10:00:00'],
    ['a day that does not exist', '2025-02-30T10:00:00Z'],
    ['free text', 'yesterday'],
    ['a number', 1741000000000],
  ])('rejects %s as an instant', async (_what, detainedAt) => {
    const res = await send('POST', `/api/v1/cases/${caseId}/detentions`, { body: detentionBody(personId, { detainedAt }) });
    expect(res.status).toBe(400);
    expect(messagesFor(res, 'detainedAt')).toContain('detainedAt must be an ISO-8601 date-time with offset');
  });

  it('reads aliases null as no aliases and refuses aliases that are not a list of text (found by the fuzzer as a 500)', async () => {
    // A case of its own, and not through send(): the specs below check the main case stays untouched
    // and that every answer `seen` was a refusal.
    const own = (await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() })).body.caseId as string;
    const none = await h.call('POST', `/api/v1/cases/${own}/persons`, { token: se, body: personBody({ aliases: null }) });
    expect(none.status).toBe(201);
    for (const aliases of ['lillen', [1], { a: 'b' }]) {
      const res = await h.call<Problem>('POST', `/api/v1/cases/${own}/persons`, { token: se, body: personBody({ aliases }) });
      expect([res.status, messagesFor(res, 'aliases') !== undefined]).toEqual([400, true]);
    }
  });

  it('rejects an unknown extra field, also inside nested objects', async () => {
    const res = await send('POST', '/api/v1/cases', { body: openCaseBody({ ownerCountry: 'NO' }) });
    expect(res.status).toBe(400);
    expect(messagesFor(res, 'ownerCountry')).toContain('property ownerCountry should not exist');
    const nested = await send('POST', `/api/v1/cases/${caseId}/persons/${personId}/nationalities`, {
      body: { country: 'NO', evaluation: { ...evaluation, confidence: 'high' } },
    });
    expect(nested.status).toBe(400);
    expect(messagesFor(nested, 'evaluation.confidence')).toBeDefined();
  });

  it('validates nested evaluations and nationality claims field by field', async () => {
    const res = await send('POST', `/api/v1/cases/${caseId}/persons`, {
      body: personBody({ nationalities: [{ country: 'SE', evaluation }, { country: 'se', evaluation: { source: 'Z', information: '2' } }] }),
    });
    expect(res.status).toBe(400);
    expect(messagesFor(res, 'nationalities.1.country')).toContain('uppercase ISO 3166-1 alpha-2');
    expect(messagesFor(res, 'nationalities.1.evaluation.source')).toContain('must be one of A, B, C, X');
    expect(messagesFor(res, 'nationalities.1.evaluation.information')).toContain('must be one of 1, 2, 3, 4');
    expect(messagesFor(res, 'nationalities.0.country')).toBeUndefined();
    const missing = await send('POST', `/api/v1/cases/${caseId}/handlers`, { body: { alias: 'X', believedCountry: 'ZZ', platforms: ['myspace'] } });
    expect(messagesFor(missing, 'evaluation')).toContain('evaluation is required');
    expect(messagesFor(missing, 'believedCountry')).toBeDefined();
    expect(messagesFor(missing, 'platforms')).toContain('each of platforms must be one of');
  });

  it('rejects ids that are not UUIDs, in the body and in the path', async () => {
    const body = await send('POST', `/api/v1/cases/${caseId}/detentions`, { body: detentionBody('person-1') });
    expect(messagesFor(body, 'personId')).toBe('personId must be a UUID');
    const caseParam = await send('POST', '/api/v1/cases/not-a-uuid/persons', { body: personBody() });
    expect(caseParam.status).toBe(400);
    expect(messagesFor(caseParam, 'caseId')).toBe('caseId must be a UUID');
    const personParam = await send('POST', `/api/v1/cases/${caseId}/persons/123/nationalities`, { body: { country: 'NO', evaluation } });
    expect(messagesFor(personParam, 'personId')).toBe('personId must be a UUID');
    const injected = await send('POST', `/api/v1/cases/${encodeURIComponent("1' OR '1'='1")}/close`, { body: { reason: 'x' } });
    expect(injected.status).toBe(400);
  });

  it('rejects country path parameters that are not uppercase ISO alpha-2', async () => {
    for (const country of ['dk', 'DNK', 'ZZ']) {
      const res = await send('DELETE', `/api/v1/cases/${caseId}/sharing/${country}`);
      expect(res.status).toBe(400);
      expect(messagesFor(res, 'country')).toContain('uppercase ISO 3166-1 alpha-2');
    }
  });

  it('answers 400 for bad If-Match and Idempotency-Key headers', async () => {
    const ifMatch = await send('POST', `/api/v1/cases/${caseId}/close`, { body: { reason: 'x' }, headers: { 'if-match': 'yesterday' } });
    expect(ifMatch.status).toBe(400);
    expect(messagesFor(ifMatch, 'If-Match')).toBeDefined();
    const key = await send('POST', `/api/v1/cases/${caseId}/close`, { body: { reason: 'x' }, headers: { 'idempotency-key': 'spaces are not allowed' } });
    expect(key.status).toBe(400);
  });
});

describe('bodies that are not a JSON object', () => {
  it('answers 413 for a body over the limit', async () => {
    const res = await send('POST', '/api/v1/cases', { body: openCaseBody({ title: 'x'.repeat(BODY_LIMIT + 1) }) });
    expect(res.status).toBe(413);
  });

  it('answers 415 (or a validation 400) for a non-JSON body and 400 for malformed JSON', async () => {
    const xml = await send('POST', '/api/v1/cases', { raw: '<case><title>x</title></case>', contentType: 'application/xml' });
    expect(xml.status).toBe(415);
    // Fastify parses text/plain and Nest's adapter parses forms, so those reach validation and fail there.
    const form = await send('POST', '/api/v1/cases', { raw: 'title=x&handlingCode=H0', contentType: 'application/x-www-form-urlencoded' });
    expect([400, 415]).toContain(form.status);
    const text = await send('POST', '/api/v1/cases', { raw: 'open a case please', contentType: 'text/plain' });
    expect([400, 415]).toContain(text.status);
    const broken = await send('POST', '/api/v1/cases', { raw: '{"title": "x",', contentType: 'application/json' });
    expect(broken.status).toBe(400);
  });

  it.each([
    ['null', 'null'],
    ['an array', JSON.stringify([openCaseBody()])],
    ['a string', '"H0"'],
    ['a number', '42'],
    ['an empty body', ''],
    ['a __proto__ key', '{"__proto__": {"admin": true}, "title": "x"}'],
    ['deeply nested arrays', `${'['.repeat(6000)}${']'.repeat(6000)}`],
    ['deeply nested objects', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`],
    ['a deeply nested extra field', `{"title": "x", "junk": ${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}}`],
    ['a deeply nested evaluation', `{"country": "NO", "evaluation": ${'{"source":'.repeat(1500)}1${'}'.repeat(1500)}}`],
  ])('answers 4xx, never 500, for %s', async (_what, raw) => {
    const path = raw.includes('"country"') ? `/api/v1/cases/${caseId}/persons/${personId}/nationalities` : '/api/v1/cases';
    const res = await send('POST', path, { raw, contentType: 'application/json' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('never wrote an event for any of the rejected requests', async () => {
    const events = await h.events(caseId);
    expect(events.map((e) => e.type)).toEqual(['CaseOpened', 'PersonRegistered']);
  });
});

describe('error bodies', () => {
  it('are small JSON problems without stack traces or internals', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const res of seen) {
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
      expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+|"stack"|node_modules|\/work\//);
    }
  });
});

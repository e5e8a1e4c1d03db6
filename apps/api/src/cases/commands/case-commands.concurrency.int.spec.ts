import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCaseBody, personBody, startHarness, type Harness } from './testing/case-commands.harness.js';

// Optimistic concurrency (If-Match → 412), retries (Idempotency-Key → one event, same answer)
// and unpinned concurrent writers (all succeed, each at its own revision).

let h: Harness;
let se: string;

beforeAll(async () => {
  h = await startHarness();
  se = await h.token('SE');
});
afterAll(async () => h?.close());

async function openCase(): Promise<string> {
  const res = await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() });
  expect(res.status).toBe(201);
  return res.body.caseId as string;
}

describe('If-Match', () => {
  it('answers 412 REVISION_MISMATCH for a stale revision and records nothing', async () => {
    const caseId = await openCase();
    await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody() });
    const stale = await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody(), headers: { 'if-match': '"0"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('REVISION_MISMATCH');
    expect(await h.events(caseId)).toHaveLength(2);
  });

  it('accepts the current revision (as returned in the ETag) and moves it on', async () => {
    const caseId = await openCase();
    const first = await h.call('POST', `/api/v1/cases/${caseId}/sharing`, { token: se, body: { partnerCountry: 'DK', level: 'read' } });
    const etag = first.headers.get('etag') as string;
    expect(etag).toBe('"1"');
    const next = await h.call('POST', `/api/v1/cases/${caseId}/close`, { token: se, body: { reason: 'Done.' }, headers: { 'if-match': etag } });
    expect(next.status).toBe(200);
    expect(next.body.revision).toBe(2);
    expect(next.headers.get('etag')).toBe('"2"');
    const replayOfOld = await h.call('POST', `/api/v1/cases/${caseId}/reopen`, { token: se, body: { reason: 'x' }, headers: { 'if-match': etag } });
    expect(replayOfOld.status).toBe(412);
  });

  it('answers 412, not 409, when two pinned writers race for the same revision', async () => {
    const caseId = await openCase();
    const results = await Promise.all(Array.from({ length: 5 }, () =>
      h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody(), headers: { 'if-match': '"0"' } })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 412, 412, 412, 412]);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer, generated id included, and records one event', async () => {
    const caseId = await openCase();
    const send = () => h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody(), headers: { 'idempotency-key': 'register-1' } });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    const events = await h.events(caseId);
    expect(events.map((e) => e.type)).toEqual(['CaseOpened', 'PersonRegistered']);
    expect(events[1].data.personId).toBe(first.body.personId);
  });

  it('gives a retried OpenCase the same case, opened once', async () => {
    const headers = { 'idempotency-key': 'open-1' };
    const [a, b] = await Promise.all([0, 1].map(() => h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody(), headers })));
    const c = await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody(), headers });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect(await h.events(a.body.caseId as string)).toHaveLength(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    const caseId = await openCase();
    const headers = { 'idempotency-key': 'register-2' };
    expect((await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody(), headers })).status).toBe(201);
    const other = await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody({ name: 'Someone Else' }), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await h.events(caseId)).toHaveLength(2);
  });

  it('scopes keys to the officer: another officer with the same key is a new command', async () => {
    const caseId = await openCase();
    const colleague = await h.token('SE', 'officer', 'se-officer-2');
    const headers = { 'idempotency-key': 'shared-key' };
    const mine = await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody(), headers });
    const theirs = await h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: colleague, body: personBody(), headers });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.personId).not.toBe(mine.body.personId);
    expect(await h.events(caseId)).toHaveLength(3);
  });
});

describe('unpinned concurrent writers', () => {
  it('lets 50 parallel RegisterPerson on one case all succeed with distinct revisions (they queue per case)', async () => {
    const caseId = await openCase();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      h.call('POST', `/api/v1/cases/${caseId}/persons`, { token: se, body: personBody({ name: `Testperson ${i}` }) })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const revisions = results.map((r) => r.body.revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.body.personId)).size).toBe(50);
    expect(await h.events(caseId)).toHaveLength(51);
  });
});

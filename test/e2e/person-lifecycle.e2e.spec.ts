import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken, type DevCountry } from '../../apps/api/src/dev/dev-token.client.js';
import type { Role } from '../../apps/api/src/auth/scopes.js';
import { detentionBody, openCaseBody, personBody } from '../../apps/api/src/cases/commands/testing/case-commands.harness.js';
import { startLiaison, type LiaisonProcess } from './support/liaison-process.js';

// Restriction and rectification (LED Art. 16) over HTTP on the built process: a restricted person
// leaves the case detail, the detention register's lists and counts and search by default (for the
// owner and the partner alike), and comes back, marked, with audit:read or a stated purpose; a
// rectified name reaches the partner country with when and by whom it was corrected.

const dataDir = mkdtempSync(join(tmpdir(), 'liaison-lifecycle-e2e-'));
const PURPOSE = 'End-to-end check of restriction';
let liaison: LiaisonProcess;
let position = '0';

const token = (country: DevCountry, role: Role = 'officer') => mintDevToken({ country, role, sub: `e2e-${country.toLowerCase()}-${role}`, dataDir });

async function call<T>(method: string, path: string, bearer: string, body?: unknown, purpose: string | null = PURPOSE): Promise<{ status: number; body: T }> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${liaison.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`, 'x-min-position': position, ...(purpose ? { 'x-purpose': purpose } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status === 503 && attempt < 10) continue;
    const parsed = (text ? JSON.parse(text) : undefined) as T & { position?: string | null };
    if (method === 'POST' && res.status < 300 && parsed?.position) position = parsed.position;
    return { status: res.status, body: parsed };
  }
}

interface Person { personId: string; name: string | null; restriction?: { ground: string; since: string }; corrections?: unknown[] }
interface Detail { persons: Person[]; detentions: { personId: string }[]; restrictedPersonsWithheld?: number }
type Read<T> = { data: T };

let caseId: string;
let restricted: string;
let kept: string;

beforeAll(async () => {
  liaison = await startLiaison(dataDir, { LOG_LEVEL: 'warn' });
  const se = await token('SE');
  caseId = (await call<{ caseId: string }>('POST', '/api/v1/cases', se, openCaseBody())).body.caseId;
  expect((await call('POST', `/api/v1/cases/${caseId}/sharing`, se, { partnerCountry: 'DK', level: 'read' })).status).toBe(200);
  restricted = (await call<{ personId: string }>('POST', `/api/v1/cases/${caseId}/persons`, se, personBody({ name: 'Zxqvinda Restrikta' }))).body.personId;
  kept = (await call<{ personId: string }>('POST', `/api/v1/cases/${caseId}/persons`, se, personBody({ name: 'Zxqvinda Behallen' }))).body.personId;
  for (const personId of [restricted, kept]) {
    expect((await call('POST', `/api/v1/cases/${caseId}/detentions`, se, detentionBody(personId))).status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await liaison?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('restriction of processing', () => {
  it('is the owner\'s: the partner is refused, bad input is a 400 naming the field', async () => {
    const dk = await token('DK');
    const path = `/api/v1/cases/${caseId}/persons/${restricted}/restriction`;
    expect((await call('POST', path, dk, { ground: 'kept-as-evidence', reason: 'x' })).status).toBe(403);
    const bad = await call<{ errors: { field: string }[] }>('POST', path, await token('SE'), { ground: 'because', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('ground');
  });

  it('leaves the person out of the case detail, detention lists and counts and search, unless asked for with a purpose or audit:read', async () => {
    const se = await token('SE');
    const done = await call<{ events: string[] }>('POST', `/api/v1/cases/${caseId}/persons/${restricted}/restriction`, se,
      { ground: 'accuracy-contested', reason: 'The person contests the recorded identity' });
    expect(done).toMatchObject({ status: 200, body: { events: ['ProcessingRestricted'] } });
    expect((await call<{ events: string[] }>('POST', `/api/v1/cases/${caseId}/persons/${restricted}/restriction`, se,
      { ground: 'kept-as-evidence', reason: 'again' })).body.events).toEqual([]);

    for (const viewer of [se, await token('DK')]) {
      const detail = (await call<Read<Detail>>('GET', `/api/v1/cases/${caseId}`, viewer)).body.data;
      expect(detail.persons.map((p) => p.personId)).toEqual([kept]);
      expect(detail.detentions.map((d) => d.personId)).toEqual([kept]);
      expect(detail.restrictedPersonsWithheld).toBe(1);
      const shown = (await call<Read<Detail>>('GET', `/api/v1/cases/${caseId}?includeRestricted=true`, viewer)).body.data;
      expect(shown.persons.find((p) => p.personId === restricted)?.restriction).toMatchObject({ ground: 'accuracy-contested' });
      expect(shown.persons.find((p) => p.personId === kept)?.restriction).toBeUndefined();
      expect(shown.restrictedPersonsWithheld).toBeUndefined();
    }

    const detentions = await call<Read<{ items: { personId: string }[] }>>('GET', '/api/v1/detentions', se);
    expect(detentions.body.data.items.map((d) => d.personId)).toEqual([kept]);
    const count = async (query: string, bearer: string, purpose: string | null) =>
      call<Read<{ items: { count: number }[] }>>('GET', `/api/v1/detentions/counts${query}`, bearer, undefined, purpose);
    const total = (r: { body: Read<{ items: { count: number }[] }> }) => r.body.data.items.reduce((n, c) => n + c.count, 0);
    expect(total(await count('', se, null))).toBe(1);
    // An aggregate read needs no purpose, but asking for restricted persons does: audit:read or a purpose.
    expect((await count('?includeRestricted=true', se, null)).status).toBe(400);
    expect(total(await count('?includeRestricted=true', se, PURPOSE))).toBe(2);
    expect(total(await count('?includeRestricted=true', await token('SE', 'supervisor'), null))).toBe(2);

    const hits = async (query: string) =>
      (await call<Read<{ items: { refId: string }[] }>>('GET', `/api/v1/search?q=Zxqvinda${query}`, se)).body.data.items.map((h) => h.refId);
    expect(await hits('')).toEqual([kept]);
    expect((await hits('&includeRestricted=true')).sort()).toEqual([kept, restricted].sort());
  });

  it('comes back everywhere once lifted', async () => {
    const se = await token('SE');
    expect((await call('POST', `/api/v1/cases/${caseId}/persons/${restricted}/restriction/lift`, se, { reason: 'Identity confirmed' })).status).toBe(200);
    const detail = (await call<Read<Detail>>('GET', `/api/v1/cases/${caseId}`, se)).body.data;
    expect(detail.persons.map((p) => p.personId).sort()).toEqual([kept, restricted].sort());
    expect(detail.restrictedPersonsWithheld).toBeUndefined();
  });
});

describe('rectification', () => {
  it('shows the partner country the corrected value, with when and by whom', async () => {
    const se = await token('SE');
    const path = `/api/v1/cases/${caseId}/persons/${kept}/rectification`;
    expect((await call('POST', path, await token('DK'), { field: 'name', value: 'X', reason: 'x' })).status).toBe(403);
    const bad = await call<{ errors: { field: string }[] }>('POST', path, se, { field: 'birthYear', value: 'nineteen', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('value');
    const done = await call<{ events: string[] }>('POST', path, se, { field: 'name', value: 'Zxqvinda Rattad', reason: 'Checked against the passport' });
    expect(done).toMatchObject({ status: 200, body: { events: ['PersonalDataRectified'] } });

    const partner = (await call<Read<Detail>>('GET', `/api/v1/cases/${caseId}`, await token('DK'))).body.data;
    const person = partner.persons.find((p) => p.personId === kept);
    expect(person?.name).toBe('Zxqvinda Rattad');
    expect(person?.corrections).toEqual([{ field: 'name', correctedAt: expect.any(String), correctedBy: 'e2e-se-officer', correctedByCountry: 'SE' }]);
    const hits = (await call<Read<{ items: { label: string }[] }>>('GET', '/api/v1/search?q=Rattad', await token('DK'))).body.data.items;
    expect(hits.map((h) => h.label)).toEqual(['Zxqvinda Rattad']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { detentionBody, evaluation, openCaseBody, pastInstant, personBody, startHarness, type Harness } from './testing/case-commands.harness.js';

// Every command route end to end over real HTTP: status, body shape, revision and ETag.
// One case walks through its whole life, so each step also proves the previous one was stored.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: Harness;
let se: string;
let caseId: string;
let revision: number;

beforeAll(async () => {
  h = await startHarness();
  se = await h.token('SE');
});
afterAll(async () => h?.close());

/** Sends one command and checks the shared success contract; returns the body. */
async function step(method: string, path: string, body: unknown, expected: { status: 200 | 201; events: string[] }) {
  const res = await h.call(method, `/api/v1/cases/${caseId}${path}`, { token: se, body });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: expected.status, body: { events: expected.events } });
  revision += expected.events.length;
  expect(res.body).toMatchObject({ caseId, revision, events: expected.events });
  expect(res.body.position).toMatch(/^\d+$/);
  expect(res.headers.get('etag')).toBe(`"${revision}"`);
  return res.body;
}

describe('case command routes, happy path', () => {
  let personId: string;
  let detentionId: string;
  let handlerId: string;
  let extraditionId: string;

  it('POST /api/v1/cases opens a case with a generated id (201)', async () => {
    const res = await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ caseId: expect.stringMatching(UUID), revision: 0, position: expect.stringMatching(/^\d+$/), events: ['CaseOpened'] });
    expect(res.headers.get('etag')).toBe('"0"');
    caseId = res.body.caseId as string;
    revision = 0;
    const [opened] = await h.events(caseId);
    expect(opened.type).toBe('CaseOpened');
    expect(opened.data).toMatchObject({ caseId, ownerCountry: 'SE', openedBy: 'se-officer-1', handlingCode: 'H0' });
  });

  it('POST /api/v1/cases keeps a client-chosen caseId', async () => {
    const chosen = '0b9a3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
    const res = await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody({ caseId: chosen, handlingCode: 'H3', handlingText: 'Not for court use.' }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseId: chosen, revision: 0 });
  });

  it('POST …/sharing shares the case', async () => {
    await step('POST', '/sharing', { partnerCountry: 'DK', level: 'contribute' }, { status: 200, events: ['CaseSharedWith'] });
  });

  it('POST …/persons registers a person with a generated personId (201)', async () => {
    const body = await step('POST', '/persons', personBody(), { status: 201, events: ['PersonRegistered'] });
    expect(body.personId).toMatch(UUID);
    personId = body.personId as string;
    const events = await h.events(caseId);
    expect(events.at(-1)?.data).toMatchObject({ personId, category: 'suspect', nationalities: [{ country: 'SE', evaluation }] });
  });

  it('POST …/persons keeps a client-chosen personId', async () => {
    const chosen = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    const body = await step('POST', '/persons', personBody({ personId: chosen, name: undefined, pseudonym: 'Lillen' }), { status: 201, events: ['PersonRegistered'] });
    expect(body.personId).toBe(chosen);
  });

  it('POST …/persons/:personId/nationalities records a nationality', async () => {
    await step('POST', `/persons/${personId}/nationalities`, { country: 'FI', evaluation: { source: 'C', information: 3 } }, { status: 200, events: ['NationalityRecorded'] });
  });

  it('POST …/persons/:personId/nationalities/:country/retract retracts it', async () => {
    await step('POST', `/persons/${personId}/nationalities/FI/retract`, { reason: 'Document found to be forged.' }, { status: 200, events: ['NationalityRetracted'] });
  });

  it('POST …/detentions records a detention with a generated detentionId (201)', async () => {
    const body = await step('POST', '/detentions', detentionBody(personId), { status: 201, events: ['DetentionRecorded'] });
    expect(body.detentionId).toMatch(UUID);
    detentionId = body.detentionId as string;
  });

  it('POST …/detentions/:detentionId/extensions extends custody', async () => {
    await step('POST', `/detentions/${detentionId}/extensions`, { nextCustodyReviewAt: pastInstant(-20), reason: 'Extended by the court.' }, { status: 200, events: ['CustodyExtended'] });
  });

  it('POST …/detentions/:detentionId/end ends the detention', async () => {
    await step('POST', `/detentions/${detentionId}/end`, { outcome: 'released', endedAt: pastInstant(9, 10) }, { status: 200, events: ['DetentionEnded'] });
  });

  it('POST …/handlers identifies a handler abroad (201)', async () => {
    const body = await step('POST', '/handlers', { alias: 'Kungen_Exempel', believedCountry: 'TR', platforms: ['telegram'], evaluation }, { status: 201, events: ['HandlerAbroadIdentified'] });
    expect(body.handlerId).toMatch(UUID);
    handlerId = body.handlerId as string;
  });

  it('POST …/handlers/:handlerId/links links the handler to a person', async () => {
    await step('POST', `/handlers/${handlerId}/links`, { personId, relation: 'recruited' }, { status: 200, events: ['HandlerLinkedToPerson'] });
  });

  it('POST …/handlers/:handlerId/location updates the believed location', async () => {
    await step('POST', `/handlers/${handlerId}/location`, { believedCountry: 'AE', evaluation: { source: 'A', information: 1 } }, { status: 200, events: ['HandlerLocationUpdated'] });
  });

  it('POST …/extraditions requests an extradition (201)', async () => {
    const body = await step('POST', '/extraditions', {
      personId, requestingCountry: 'SE', requestedCountry: 'DK', route: 'nordic-arrest-warrant', sentAt: pastInstant(9),
    }, { status: 201, events: ['ExtraditionRequested'] });
    expect(body.extraditionId).toMatch(UUID);
    extraditionId = body.extraditionId as string;
  });

  it('POST …/extraditions/:id/stages records a stage', async () => {
    await step('POST', `/extraditions/${extraditionId}/stages`, { stage: 'arrested', reachedAt: pastInstant(9, 12) }, { status: 200, events: ['ExtraditionStageReached'] });
  });

  it('POST …/extraditions/:id/consent records consent', async () => {
    await step('POST', `/extraditions/${extraditionId}/consent`, { consentedAt: pastInstant(8) }, { status: 200, events: ['ExtraditionConsentRecorded'] });
  });

  it('POST …/extraditions/:id/decision records the decision', async () => {
    await step('POST', `/extraditions/${extraditionId}/decision`, { outcome: 'granted', grounds: 'Conditions met.', decidedAt: pastInstant(7) }, { status: 200, events: ['ExtraditionDecided'] });
  });

  it('POST …/extraditions/:id/surrender records the surrender', async () => {
    await step('POST', `/extraditions/${extraditionId}/surrender`, { surrenderedAt: pastInstant(6) }, { status: 200, events: ['PersonSurrendered'] });
  });

  it('DELETE …/sharing/:country revokes sharing', async () => {
    await step('DELETE', '/sharing/DK', undefined, { status: 200, events: ['CaseSharingRevoked'] });
  });

  it('POST …/close closes and POST …/reopen reopens the case', async () => {
    await step('POST', '/close', { reason: 'Suspects convicted.' }, { status: 200, events: ['CaseClosed'] });
    await step('POST', '/reopen', { reason: 'New information from a seized phone.' }, { status: 200, events: ['CaseReopened'] });
  });

  it('stored exactly the events the answers reported, in order', async () => {
    const events = await h.events(caseId);
    expect(events).toHaveLength(revision + 1);
    expect(events.at(-1)?.metadata).toMatchObject({ actor: 'se-officer-1', country: 'SE' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from '../../cases/commands/testing/case-commands.harness.js';
import { buildScenario, type Call, type Scenario } from '../testing/audit-scenario.js';

// Replay: the case as the owner knew it at a point in record time (or log position), from the
// domain fold and from the cases projection on a private in-memory model.

let h: Harness;
let call: Call;
let s: Scenario;
let seSup: string;
const purpose = { 'x-purpose': 'Complaint review 2026/114' };

interface Replay {
  readAt: string;
  data: {
    asOf: string | null; eventCount: number; position: string | null;
    state: { detentions: Record<string, { open: boolean }> };
    detail: { detentions: { status: string }[] } | null;
    timeline: { type: string; revision: number; position: string; recordedAt: string; actor: string; country: string; occurredAt: string }[];
  };
}

beforeAll(async () => {
  h = await startHarness();
  call = h.call.bind(h) as Call;
  s = await buildScenario(call, await h.token('SE', 'officer', 'se-1'));
  seSup = await h.token('SE', 'supervisor', 'se-sup-1');
});
afterAll(async () => h?.close());

const replay = (asOf = '', token = seSup) => call<Replay>('GET', `/api/v1/audit/cases/${s.sharedCaseId}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`, { token, headers: purpose });

describe('GET /api/v1/audit/cases/:id', () => {
  it('as of the moment before DetentionEnded was recorded, the detention is still open', async () => {
    const now = await replay();
    const ended = now.body.data.timeline.find((e) => e.type === 'DetentionEnded');
    expect(ended).toBeDefined();
    const before = new Date(Date.parse(ended!.recordedAt) - 1).toISOString();
    const then = await replay(before);
    expect(then.status).toBe(200);
    expect(then.body.data.state.detentions[s.detentionId].open).toBe(true);
    expect(then.body.data.detail?.detentions[0].status).toBe('open');
    expect(then.body.data.timeline.map((e) => e.type)).not.toContain('DetentionEnded');
    expect(now.body.data.state.detentions[s.detentionId].open).toBe(false);
    expect(now.body.data.detail?.detentions[0].status).toBe('ended');
  });

  it('accepts a global position (inclusive) and gives the timeline with actors, countries, both times', async () => {
    const atEnd = await replay(s.endedPosition);
    expect(atEnd.body.data.timeline.at(-1)).toMatchObject({ type: 'DetentionEnded', position: s.endedPosition, actor: 'se-1', country: 'SE' });
    const justBefore = await replay(String(BigInt(s.endedPosition) - 1n));
    expect(justBefore.body.data.state.detentions[s.detentionId].open).toBe(true);
    expect(atEnd.body.data.timeline.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(atEnd.body.data.timeline[0]).toEqual(expect.objectContaining({ occurredAt: expect.any(String), recordedAt: expect.any(String) }));
  });

  it('before the case existed there is nothing', async () => {
    const res = await replay('2000-01-01T00:00:00Z');
    expect(res.body.data).toMatchObject({ eventCount: 0, detail: null, state: { exists: false }, timeline: [] });
  });

  it('replaying to the present equals the live case detail, field for field', async () => {
    const live = await call<{ readAt: string; data: unknown }>('GET', `/api/v1/cases/${s.sharedCaseId}`, { token: await h.token('SE', 'officer', 'se-1'), headers: purpose });
    expect(live.status).toBe(200);
    expect((await replay()).body.data.detail).toEqual(live.body.data);
  });

  it('only the owner country\'s supervisors (404 otherwise), with audit:read and a purpose; the replay itself is logged', async () => {
    expect((await replay('', await h.token('DK', 'supervisor', 'dk-sup-1'))).status).toBe(404);
    expect((await replay('', await h.token('SE', 'officer', 'se-1'))).status).toBe(403);
    expect((await call('GET', `/api/v1/audit/cases/${s.sharedCaseId}`, { token: seSup })).status).toBe(400);
    expect((await replay('yesterday')).status).toBe(400);
    const res = await replay();
    const [event] = await h.store.readAll({ direction: 'backwards', maxCount: 1 });
    expect(event).toMatchObject({ id: res.headers.get('x-access-entry'), type: 'CaseDataAccessed', data: { query: 'replayCase', caseIds: [s.sharedCaseId], officer: { subject: 'se-sup-1' } } });
  });
});

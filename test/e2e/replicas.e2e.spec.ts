// Two built service processes (replicas A and B, `node dist/apps/api/src/main.js`) on one EventStoreDB:
// the in-process protocol emulator, or a real server when ESDB_CONNECTION_STRING is set. Each replica
// keeps its own read models from $all; writers split over both race on one case safely; reads on both
// are all recorded, in per-replica chained access streams (ADR 21); minPosition and the live stream
// work on either replica whichever one wrote; leader elections (emulated) lose and duplicate nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAll } from '@liaison/event-store';
import { openCaseBody, personBody } from '../../apps/api/src/cases/commands/testing/case-commands.harness.js';
import { followLivePositions } from './support/live-positions.js';
import { announcedAcross, pooled, registerAll, startTwoReplicas, type TwoReplicas } from './support/two-replicas.js';

const run = randomUUID().slice(0, 8);
let r: TwoReplicas;

beforeAll(async () => {
  r = await startTwoReplicas(run, 'e2e-replicas');
}, 60_000);

afterAll(async () => {
  await r?.stop();
});

describe('two replicas on one EventStoreDB', () => {
  let caseId: string;

  it('reads on B, with minPosition, a case opened on A a moment before', async () => {
    const opened = await r.call(r.a, 'POST', '/api/v1/cases', openCaseBody({ title: `Replicas ${run} (fictional)` }));
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId as string;
    const read = await r.call(r.b, 'GET', `/api/v1/cases/${caseId}?minPosition=${opened.body.position as string}`, undefined, { 'x-purpose': 'replica e2e' });
    expect(read.status).toBe(200);
    expect(BigInt((read.body as { readAt: string }).readAt)).toBeGreaterThanOrEqual(BigInt(opened.body.position as string));
    // The title is stored encrypted under a key A created: B opens it with the shared key store.
    expect((read.body as { data: { title: string } }).data.title).toBe(`Replicas ${run} (fictional)`);
    const raw = (await r.all(`case-${caseId}`))[0];
    expect(raw.data.title).toMatchObject({ $enc: 'v1', s: `case:${caseId}` });
  });

  it('lets 100 concurrent writers split over both replicas register on one case: no 5xx, no update lost', async () => {
    const replies = await Promise.all(Array.from({ length: 100 }, async (_, i) => {
      const tried: number[] = [];
      // A 409 means the case kept changing through the service's own re-decide retries: the client retries.
      for (;;) {
        const reply = await r.call(i % 2 ? r.b : r.a, 'POST', `/api/v1/cases/${caseId}/persons`, personBody({ name: `Testperson ${run} ${i}` }));
        tried.push(reply.status);
        if (reply.status !== 409 || tried.length >= 20) return { ...reply, tried };
      }
    }));
    expect(replies.flatMap((r) => r.tried).filter((s) => s >= 500)).toEqual([]);
    expect(replies.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const registered = (await r.all(`case-${caseId}`)).filter((e) => e.type === 'PersonRegistered').map((e) => e.data.personId);
    expect(new Set(registered).size).toBe(100);
    expect(new Set(replies.map((r) => r.body.personId))).toEqual(new Set(registered));
  }, 120_000);

  it('records every one of 1,000 reads spread over both replicas, each replica in its own intact chain', async () => {
    const read = { 'x-purpose': 'replica e2e access log' };
    const replies = await pooled(1000, 32, (i) => r.call(i % 2 ? r.b : r.a, 'GET', `/api/v1/cases/${caseId}`, undefined, read));
    expect(replies.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const day = new Date().toISOString().slice(0, 10);
    const [onA, onB] = await Promise.all([r.all(`access-SE-${day}-${r.ids.a}`), r.all(`access-SE-${day}-${r.ids.b}`)]);
    const recorded = new Set([...onA, ...onB].map((e) => e.id));
    const answered = replies.map((r) => r.headers.get('x-access-entry'));
    expect(answered.filter((id) => !id || !recorded.has(id))).toEqual([]);
    expect([onA, onB].map((s) => s.filter((e) => (e.data.caseIds as string[]).includes(caseId)).length)).toEqual([500, 501]);
    const report = await verifyAll(r.store);
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
  }, 180_000);

  it('loses no acknowledged write and duplicates none through leader elections mid-load', async () => {
    // The emulator plays a cluster whose leader moves: now and then the next appends are refused as by a
    // follower (one refusal the adapter hides, two in a row surface as 503 with Retry-After).
    let electing = true;
    const elections = (async () => {
      for (let i = 0; electing; i++) {
        r.emulator?.refuseAppendsAsFollower(1 + (i % 2));
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    const names = Array.from({ length: 60 }, (_, i) => `Elected ${run} ${i}`);
    const replies = await registerAll(r, caseId, names, (name) => personBody({ name }));
    electing = false;
    await elections;
    r.emulator?.refuseAppendsAsFollower(0);
    // A real server's elections cannot be caused from here: the emulated ones must have happened.
    if (r.emulator) expect(r.emulator.appendsRefused()).toBeGreaterThan(0);
    expect(replies.flatMap((x) => x.statuses).filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(replies.flatMap((x) => x.retryAfter).filter((v) => !/^\d+$/.test(v ?? ''))).toEqual([]);
    expect(replies.map((x) => x.status).filter((s) => s !== 201)).toEqual([]);
    const recorded = (await r.all(`case-${caseId}`)).filter((e) => e.type === 'PersonRegistered').map((e) => e.data.personId as string);
    for (const x of replies) expect(recorded.filter((id) => id === x.body.personId)).toHaveLength(1);
  }, 120_000);

  it('announces on each replica\'s live stream a write made on the other', async () => {
    const [liveA, liveB] = await Promise.all([followLivePositions(r.a.baseUrl, r.token), followLivePositions(r.b.baseUrl, r.token)]);
    try {
      expect(await announcedAcross(r, { a: liveA, b: liveB }, caseId, (replica) => `Live ${run} ${replica}`)).toEqual([true, true]);
    } finally {
      liveA.close();
      liveB.close();
    }
  });
});

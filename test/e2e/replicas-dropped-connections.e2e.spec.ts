// Two built replicas on one emulated EventStoreDB whose connections drop again and again under load
// (a fault every 4 events written, so as often on a fast machine as on a slow one):
// every HTTP/2 session destroyed at once (calls in flight, both replicas' $all subscriptions, the live
// streams' subscriptions), or dropped by an append before or after it reached the log. Writers split
// over both replicas lose no acknowledged event and duplicate none; nothing but 2xx/409/503 (with
// Retry-After) is answered; both replicas' read models converge on the same case; each replica's live
// stream still announces the other's writes afterwards (its subscription resumed).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openCaseBody, personBody } from '../../apps/api/src/cases/commands/testing/case-commands.harness.js';
import { followLivePositions } from './support/live-positions.js';
import { announcedAcross, registerAll, startTwoReplicas, type TwoReplicas } from './support/two-replicas.js';

const run = randomUUID().slice(0, 8);
let r: TwoReplicas;
const purpose = { 'x-purpose': 'replica e2e dropped connections' };

beforeAll(async () => {
  r = await startTwoReplicas(run, 'e2e-drops');
}, 60_000);

afterAll(async () => {
  await r?.stop();
});

// Connections to a real server cannot be dropped from here.
const onEmulator = process.env.ESDB_CONNECTION_STRING ? describe.skip : describe;

onEmulator('two replicas through dropped EventStoreDB connections', () => {
  it('loses no acknowledged write, duplicates none, answers only 2xx/409/503 and converges on both replicas', async () => {
    const emulator = r.emulator;
    if (!emulator) throw new Error('needs the emulator');
    const opened = await r.call(r.a, 'POST', '/api/v1/cases', openCaseBody({ title: `Drops ${run} (fictional)` }));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const [liveA, liveB] = await Promise.all([followLivePositions(r.a.baseUrl, r.token), followLivePositions(r.b.baseUrl, r.token)]);
    try {
      const before = emulator.faultCounts().dropped;
      let dropping = true;
      const drops = (async () => {
        // A fault each time the log has grown by 4 events (so however fast the machine runs the load),
        // one slot in four quiet so the adapter's retries (~1.5 s) get through.
        let mark = emulator.log.all.length;
        for (let i = 0; dropping; i++) {
          while (dropping && emulator.log.all.length < mark + 4) await new Promise((resolve) => setTimeout(resolve, 5));
          mark = emulator.log.all.length;
          if (i % 4 === 0) emulator.dropConnections();
          else if (i % 4 !== 2) emulator.dropConnectionsOnAppend(1, { afterWrite: i % 4 === 1 });
        }
      })();
      const names = Array.from({ length: 60 }, (_, i) => `Dropped ${run} ${i}`);
      const replies = await registerAll(r, caseId, names, (name) => personBody({ name }));
      dropping = false;
      await drops;
      emulator.dropConnectionsOnAppend(0, { afterWrite: false });
      expect(emulator.faultCounts().dropped - before).toBeGreaterThan(5);

      expect(replies.flatMap((x) => x.statuses).filter((s) => !(s < 300 || s === 409 || s === 503))).toEqual([]);
      expect(replies.flatMap((x) => x.retryAfter).filter((v) => !/^\d+$/.test(v ?? ''))).toEqual([]);
      expect(replies.map((x) => x.status).filter((s) => s !== 201)).toEqual([]);
      // Exactly one PersonRegistered per writer: none lost, and a retried append written once.
      const registered = (await r.all(`case-${caseId}`)).filter((e) => e.type === 'PersonRegistered').map((e) => e.data.personId as string);
      expect(registered).toHaveLength(names.length);
      expect(new Set(registered)).toEqual(new Set(replies.map((x) => x.body.personId as string)));

      // Both replicas' read models hold the same case once they have applied the last acknowledged write.
      const last = replies.map((x) => BigInt(x.body.position as string)).reduce((m, p) => (p > m ? p : m));
      const [onA, onB] = await Promise.all([r.a, r.b].map((to) => r.call(to, 'GET', `/api/v1/cases/${caseId}?minPosition=${last}`, undefined, purpose)));
      expect([onA.status, onB.status]).toEqual([200, 200]);
      expect(JSON.stringify(onB.body.data)).toBe(JSON.stringify(onA.body.data));
      expect(new Set(((onA.body.data as { persons: { personId: string }[] }).persons).map((p) => p.personId))).toEqual(new Set(registered));

      // The live streams' store subscriptions were dropped too, and resumed: writes still reach the other replica.
      expect(await announcedAcross(r, { a: liveA, b: liveB }, caseId, (replica) => `After ${run} ${replica}`)).toEqual([true, true]);
    } finally {
      liveA.close();
      liveB.close();
    }
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SqliteEventStore } from '@liaison/event-store';
import { createApp } from '../../app.factory.js';
import type { AppConfig } from '../../config/app.config.js';
import { mintDevToken } from '../../dev/dev-token.client.js';
import { openCaseBody, personBody } from '../commands/testing/case-commands.harness.js';
import { RETENTION_ACTOR, RetentionReviewSweeper } from './retention-review.sweeper.js';

// The retention process manager over the real app: an overdue review restricts the person exactly
// once (a second pass, a pass after a restart and a pass of a second instance change nothing), a
// person not yet due is left alone, and the review lifts the restriction. The clock is injected and
// moved; tokens are checked against the system clock, so moving it does not expire them.

const MONTH = 31 * 86_400_000;
let now = Date.now();
const clock = () => new Date(now);

describe('RetentionReviewSweeper', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  let app: NestFastifyApplication;
  let base: string;
  let token: string;

  async function start(): Promise<void> {
    const config: AppConfig = { port: 0, host: '127.0.0.1', dataDir, eventStore: 'sqlite', production: false, bodyLimit: 16_384, logLevel: 'error' };
    store = SqliteEventStore.open(path.join(dataDir, 'events.db'));
    ({ app } = await createApp(config, store, { authEnv: {}, clock }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    if (address === null || typeof address === 'string') throw new Error('no TCP port');
    base = `http://127.0.0.1:${address.port}`;
    // Each start of the development IdP signs with a key of its own.
    token = await mintDevToken({ country: 'SE', role: 'officer', sub: 'se-officer-1', baseUrl: base });
  }
  async function stop(): Promise<void> {
    await app.close();
    await store.close();
  }
  async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const res = await fetch(base + url, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    });
    return { status: res.status, body: (await res.json()) as T };
  }
  /** Waits for the read models to include `position`, as the sweeper reads them without waiting. */
  const caughtUp = async (position: string) => expect((await call('GET', '/api/v1/retention-reviews?withinDays=0', undefined, { 'x-purpose': 'retention check', 'x-min-position': position })).status).toBe(200);
  const restrictions = async (caseId: string) =>
    (await store.readStream(`case-${caseId}`)).filter((e) => e.type === 'ProcessingRestricted' || e.type === 'RestrictionLifted');

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-retention-'));
    await start();
  }, 30_000);
  afterAll(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('restricts an overdue person exactly once, leaves the not yet due alone, and the review lifts it', async () => {
    const { caseId } = (await call<{ caseId: string }>('POST', '/api/v1/cases', openCaseBody())).body;
    const suspect = (await call<{ personId: string }>('POST', `/api/v1/cases/${caseId}/persons`, personBody({ category: 'suspect' }))).body;
    const witness = await call<{ personId: string; position: string }>('POST', `/api/v1/cases/${caseId}/persons`, personBody({ category: 'witness' }));
    // Thirteen months on: the witness (twelve months by default) is overdue, the suspect (36) is not.
    now += 13 * MONTH;
    await caughtUp(witness.body.position);
    expect(await app.get(RetentionReviewSweeper).sweep()).toBe(1);
    const [restricted] = await restrictions(caseId);
    expect(restricted).toMatchObject({
      type: 'ProcessingRestricted', data: { personId: witness.body.personId, ground: 'retention-review-overdue' },
      metadata: { actor: RETENTION_ACTOR, country: 'SE' },
    });
    // Before and after the read model has seen the restriction, and after a restart: nothing more.
    expect(await app.get(RetentionReviewSweeper).sweep()).toBe(0);
    await caughtUp(restricted.position.toString());
    expect(await app.get(RetentionReviewSweeper).sweep()).toBe(0);
    await stop();
    await start();
    await caughtUp(restricted.position.toString());
    expect(await app.get(RetentionReviewSweeper).sweep()).toBe(0);
    expect(await restrictions(caseId)).toHaveLength(1);

    // The review lifts it; the next review is not overdue, so nothing is restricted again.
    const keepUntil = new Date(now + 6 * MONTH).toISOString();
    const reviewed = await call<{ events: string[]; position: string }>('POST', `/api/v1/cases/${caseId}/persons/${witness.body.personId}/retention-review`,
      { keepUntil, reason: 'Witness in the pending trial' });
    expect(reviewed).toMatchObject({ status: 200, body: { events: ['RetentionReviewed', 'RestrictionLifted'] } });
    await caughtUp(reviewed.body.position);
    expect(await app.get(RetentionReviewSweeper).sweep()).toBe(0);
    expect((await restrictions(caseId)).map((e) => e.data.personId)).toEqual([witness.body.personId, witness.body.personId]);
    expect((await restrictions(caseId)).some((e) => e.data.personId === suspect.personId)).toBe(false);
  }, 60_000);
});

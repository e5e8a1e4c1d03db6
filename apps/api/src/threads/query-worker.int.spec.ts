// The query thread (ADR 10) against read models built from a seeded log: every catalogued query
// answers exactly what the same query answers on this thread, client errors keep their kind (the
// gateway turns them into 400s), a rebuilt file is followed, and a dead thread is replaced. Audit jobs
// read the log on the thread's own store connection and answer what this thread would.
// Runs the compiled entry: `npm test` builds before jest.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { JsonObject } from '@liaison/event-store';
import { ALL_PROJECTIONS, InvalidCursor, InvalidQueryParameter, ProjectionRegistry } from '@liaison/projections';
import { appendAll, runUntil, tempStore, type TempStore } from '../../../../libs/projections/src/testing/projection-harness.js';
import { generateWorkload } from '../../../../libs/projections/src/testing/workload.js';
import { QUERY_CATALOG, runRecordedQuery, type QueryName } from '../access/query-catalog.js';
import { HttpException } from '@nestjs/common';
import { caseStreamId } from '@liaison/domain';
import { sha256Canonical } from '@liaison/event-store';
import type { CaseDataAccessedData } from '@liaison/projections';
import { NotReproducible, reproduceAccess } from '../audit/access-view/reproduce-access.js';
import { replayCase } from '../audit/replay-case/replay-case.js';
import { parseAsOf } from '../audit/shared/as-of.js';
import { runAuditJob } from '../audit/audit-jobs.js';
import { QueryWorkerClient, QueryWorkerFailed } from '../runtime/worker/query-worker.client.js';

const ENTRY = path.resolve('dist/apps/api/src/threads/query-worker.entry.js');
const NOW = '2025-01-15T12:00:00.000Z';

// Every catalogued query, with parameters that select something in the workload; a query added to
// the catalog without a line here fails the first test.
const SAMPLES: Record<QueryName, JsonObject[]> = {
  listCases: [{}, { status: 'open', limit: 5 }, { ownerCountry: 'DK' }],
  caseDetail: [{ caseId: 'c-00001' }, { caseId: 'c-00007' }, { caseId: 'c-00003', includeRestricted: true }],
  currentDetentions: [{ limit: 10 }, { holdingCountry: 'DK' }, { nationality: 'SE' }, { includeRestricted: true }],
  detentionCounts: [{}, { holdingCountry: 'SE' }, { includeRestricted: true }],
  custodyReviewsDue: [{ before: '2030-01-01T00:00:00Z' }],
  detentionsOverTime: [{ from: '2024-09-01T00:00:00Z', to: '2025-01-01T00:00:00Z', bucket: 'week' }],
  listHandlers: [{}, { platform: 'Telegram' }],
  handlerCounts: [{}],
  openExtraditions: [{}, { overdueOnly: true }],
  extraditionCounts: [{}],
  accessLog: [{}],
  accessLogTitled: [{}, { limit: 5 }],
  accessOfficers: [{}, { excludeOfficer: 'officer-se' }],
  listReferrals: [{}, { platform: 'tiktok', limit: 5 }, { overdueOnly: true }],
  referralDetail: [{ referralId: 'r-1' }],
  overdueReferrals: [{}],
  actionDays: [{}],
  actionDayProgress: [{ actionDayId: 'ad-1' }],
  platformResponsiveness: [{}, { platform: 'telegram' }],
  listInformationRequests: [{}, { direction: 'incoming', limit: 5 }, { overdueOnly: true }, { urgent: true, status: 'filed' }],
  informationRequestDetail: [{ requestId: 'ir-1' }],
  deadlinesBoard: [{}, { kind: 'custody_review,extradition', limit: 5 }, { bucket: 'overdue' }],
  informationExchangeStatistics: [{ year: 2024 }, { year: 2025 }],
  search: [{ q: 'shooting' }, { q: 'suspect', limit: 5 }, { q: 'Vestre Fængsel' }, { q: 'handle' }, { q: 'corrected', includeRestricted: true }],
  retentionReviews: [
    { policy: JSON.stringify({ defaults: { suspect: 36, convicted: 36, victim: 12, witness: 12, contact: 12 }, byCountry: {} }) },
    { policy: JSON.stringify({ defaults: { suspect: 1, convicted: 1, victim: 1, witness: 1, contact: 1 }, byCountry: { DK: { suspect: 2 } } }), withinDays: 3653, limit: 5 },
  ],
};

describe('query thread', () => {
  let ts: TempStore;
  let files: Map<string, string>;
  let client: QueryWorkerClient;

  beforeAll(async () => {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` first`);
    ts = tempStore('liaison-query-worker-');
    const head = await appendAll(ts.store, generateWorkload({ cases: 120, seed: 7 }).events);
    await runUntil(ts.store, ts.readModelDir, ALL_PROJECTIONS, head);
    const registry = new ProjectionRegistry(ts.readModelDir);
    files = new Map(ALL_PROJECTIONS.map((p) => [p.name, path.join(ts.readModelDir, registry.active(p.name)!.file)]));
    registry.close();
    client = new QueryWorkerClient(pathToFileURL(ENTRY), { config: { port: 0, host: '127.0.0.1', dataDir: ts.dir, eventStore: 'sqlite', production: false, bodyLimit: 65536, logLevel: 'error' } });
    await client.start();
  }, 60_000);

  afterAll(async () => {
    await client?.stop();
    await ts?.cleanup();
  });

  const ask = (query: QueryName, params: JsonObject, country = 'SE') =>
    client.run({ projection: QUERY_CATALOG[query].projection, file: files.get(QUERY_CATALOG[query].projection)!, query, params, viewer: { country }, now: NOW });

  function onThisThread(query: QueryName, params: JsonObject, country: string): { readAt: bigint; data: unknown } {
    const db = new Database(files.get(QUERY_CATALOG[query].projection)!, { readonly: true });
    try {
      const { position } = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number };
      return { readAt: BigInt(position), data: runRecordedQuery(query, { db, viewer: { country }, now: NOW }, params) };
    } finally {
      db.close();
    }
  }

  it('answers every catalogued query, for each viewer, exactly as this thread would', async () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(QUERY_CATALOG).sort());
    let nonEmpty = 0;
    for (const [query, samples] of Object.entries(SAMPLES) as [QueryName, JsonObject[]][]) {
      for (const params of samples) {
        for (const country of ['SE', 'DK', 'FI']) {
          const expected = onThisThread(query, params, country);
          await expect(ask(query, params, country)).resolves.toEqual(expected);
          if ((JSON.stringify(expected.data) ?? '').length > 40) nonEmpty++;
        }
      }
    }
    // The comparison means something only if the workload gave the queries rows to return.
    expect(nonEmpty).toBeGreaterThan(30);
  });

  it('keeps the kind of client errors, so the gateway still answers 400', async () => {
    await expect(ask('currentDetentions', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursor);
    await expect(ask('detentionsOverTime', { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', bucket: 'day' })).rejects.toBeInstanceOf(RangeError);
    // A search text the read model cannot use keeps the field it names.
    await expect(ask('search', { q: '"*' })).rejects.toMatchObject({ field: 'q', message: 'q must contain at least two letters or digits' });
    await expect(ask('search', { q: '"*' })).rejects.toBeInstanceOf(InvalidQueryParameter);
    const unknown = client.run({ projection: 'cases', file: files.get('cases')!, query: 'dropTables', params: {}, viewer: { country: 'SE' }, now: NOW });
    await expect(unknown).rejects.toThrow('unknown query dropTables');
    await expect(unknown).rejects.not.toBeInstanceOf(RangeError);
  });

  it('follows a projection to the file a rebuild put in its place', async () => {
    const other = path.join(ts.dir, 'cases-copy.db');
    const source = new Database(files.get('cases')!, { readonly: true });
    await source.backup(other);
    source.close();
    const copy = new Database(other);
    copy.prepare("DELETE FROM cases WHERE case_id <> 'c-00001'").run();
    const owner = (copy.prepare("SELECT country FROM case_access WHERE case_id = 'c-00001' AND level = 'owner'").get() as { country: string }).country;
    copy.close();
    const fromCopy = await client.run({ projection: 'cases', file: other, query: 'listCases', params: {}, viewer: { country: owner }, now: NOW });
    expect((fromCopy.data as { items: { caseId: string }[] }).items.map((c) => c.caseId)).toEqual(['c-00001']);
    const fromLive = await ask('listCases', {}, owner);
    expect((fromLive.data as { items: unknown[] }).items.length).toBeGreaterThan(1);
  });

  it('fails the queries a dying thread had, and answers the next one from a new thread', async () => {
    // Reaching into the client: nothing outside a crash ends its thread.
    const running = (client as unknown as { running: { worker: { terminate(): Promise<number> } } }).running;
    const terminated = running.worker.terminate();
    await expect(ask('handlerCounts', {})).rejects.toBeInstanceOf(QueryWorkerFailed);
    await terminated;
    await expect(ask('handlerCounts', {})).resolves.toEqual(onThisThread('handlerCounts', {}, 'SE'));
  });

  it('replays a case for its owner exactly as this thread would, at present and at a position', async () => {
    const events = await ts.store.readStream(caseStreamId('c-00003'));
    const owner = events[0].data.ownerCountry as string;
    const middle = events[Math.floor(events.length / 2)].position.toString();
    for (const asOf of [undefined, middle]) {
      const expected = replayCase('c-00003', owner, events, parseAsOf(asOf));
      await expect(client.audit({ kind: 'replayCase', caseId: 'c-00003', viewerCountry: owner, asOf })).resolves.toEqual(expected);
    }
    // Another country's supervisor gets the same 404 as for a case that does not exist.
    const other = owner === 'SE' ? 'DK' : 'SE';
    const refused = client.audit({ kind: 'replayCase', caseId: 'c-00003', viewerCountry: other, asOf: undefined });
    await expect(refused).rejects.toBeInstanceOf(HttpException);
    await expect(refused.catch((e: HttpException) => e.getStatus())).resolves.toBe(404);
  });

  it('reproduces an access from the log as this thread would, and says when it cannot', async () => {
    const head = (await ts.store.headPosition()).toString();
    const answer = { readAt: head, data: onThisThread('listCases', { limit: 5 }, 'DK').data };
    const record: CaseDataAccessedData = {
      entryId: 'e-1', accessedAt: NOW, officer: { subject: 'dk-1', country: 'DK', issuer: 'https://idp.dk.test' }, purpose: 'spec',
      fieldsClass: 'personal', route: 'GET /api/v1/cases', readModel: 'cases', query: 'listCases', params: { limit: 5 }, viewerCountry: 'DK',
      readAt: head, now: NOW, caseIds: [], resultCount: null, answerSha256: sha256Canonical(answer),
    };
    const expected = await reproduceAccess(ts.store, record);
    expect(expected.matchesRecord).toBe(true);
    await expect(client.audit({ kind: 'reproduceAccess', record })).resolves.toEqual(expected);
    await expect(client.audit({ kind: 'reproduceAccess', record: { ...record, readModel: null } })).rejects.toBeInstanceOf(NotReproducible);
  });

  it('verifies a case\'s hash chain as this thread would', async () => {
    const owner = (await ts.store.readStream(caseStreamId('c-00004')))[0].data.ownerCountry as string;
    const job = { kind: 'verifyCase', caseId: 'c-00004', viewerCountry: owner } as const;
    const expected = await runAuditJob(ts.store, job);
    expect(expected.data.caseId).toBe('c-00004');
    await expect(client.audit(job)).resolves.toEqual(expected);
  });
});

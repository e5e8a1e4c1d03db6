// Storage faults at the HTTP edge: 503 with a code and Retry-After, never a 500 or a stack; a read whose
// access record cannot be written is refused; the reserve refuses commands; /ready says why.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { openCaseBody, startHarness, type Harness } from '../cases/commands/testing/case-commands.harness.js';
import { StorageFull } from '@liaison/event-store';
import { DISK_RESERVE, type DiskReserve } from './disk-reserve.js';
import type { IdempotencyStore } from '../commands/idempotency.store.js';
import { IDEMPOTENCY_STORE } from '../commands/idempotency-keys.js';
import { ProjectionsHost } from '../runtime/projections-host.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
afterEach(() => {
  jest.restoreAllMocks();
});

// What better-sqlite3 throws: its message may carry a path, which must never reach the client.
const driverError = (code: string) => Object.assign(new Error(`${code}: /secret/data/events.db`), { name: 'SqliteError', code });
const failAppends = (code: string) => {
  const append = h.store.append.bind(h.store);
  jest.spyOn(h.store, 'append').mockImplementation((...args) => append(...args).then(() => Promise.reject(driverError(code))));
};

describe('storage faults over HTTP', () => {
  it.each([
    ['SQLITE_FULL', 'STORE_FULL'],
    ['SQLITE_IOERR_WRITE', 'STORE_UNAVAILABLE'],
    ['SQLITE_READONLY', 'STORE_UNAVAILABLE'],
    ['SQLITE_BUSY', 'STORE_UNAVAILABLE'],
    ['SQLITE_CORRUPT', 'STORE_CORRUPT'],
  ])('a command whose append fails with %s answers 503 %s with Retry-After', async (driverCode, code) => {
    const se = await h.token('SE');
    failAppends(driverCode);
    const res = await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String), code });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.text).not.toMatch(/secret|at .*\.ts|SqliteError/);
  });

  it('refuses a read whose access record cannot be written: 503 ACCESS_LOG_UNAVAILABLE, no data', async () => {
    const se = await h.token('SE');
    expect((await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() })).status).toBe(201);
    failAppends('SQLITE_FULL');
    const res = await h.call('GET', '/api/v1/cases', { token: se, headers: { 'x-purpose': 'Disk full check' } });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String), code: 'ACCESS_LOG_UNAVAILABLE' });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('refuses commands while the disk reserve is reached, reads still answer, and /ready says why', async () => {
    const se = await h.token('SE');
    const reserve = h.app.get<DiskReserve>(DISK_RESERVE);
    const space = { freeBytes: 1024, reserveBytes: reserve.reserveBytes, reached: true, checkedAt: Date.now() };
    jest.spyOn(reserve, 'current').mockReturnValue(space);
    jest.spyOn(reserve, 'refresh').mockResolvedValue(undefined);
    const cmd = await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() });
    expect(cmd.status).toBe(503);
    expect(cmd.body).toMatchObject({ code: 'STORE_FULL' });
    expect(cmd.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await h.call('GET', '/api/v1/cases', { token: se, headers: { 'x-purpose': 'Reserve check' } })).status).toBe(200);
    const ready = await h.call<{ status: string; reasons: { code: string }[] }>('GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('unavailable');
    expect(ready.body.reasons.map((r) => r.code)).toContain('DISK_RESERVE_REACHED');
  });

  it('answers reads of a read model being rebuilt after a lost file with 503 READ_MODEL_REBUILDING; /ready says so', async () => {
    const se = await h.token('SE');
    const runner = h.app.get(ProjectionsHost).runner;
    const status = runner.status.bind(runner);
    jest.spyOn(runner, 'status').mockImplementation(() => status().map((p) => (p.name === 'cases' ? { ...p, recovering: true } : p)));
    const res = await h.call('GET', '/api/v1/cases', { token: se, headers: { 'x-purpose': 'Rebuild check' } });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'READ_MODEL_REBUILDING' });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const ready = await h.call<{ reasons: { code: string }[] }>('GET', '/ready');
    expect(ready.body.reasons.map((r) => r.code)).toEqual(['READ_MODEL_REBUILDING']);
  });

  it('answers a recorded command as recorded even when its Idempotency-Key cannot be stored', async () => {
    const se = await h.token('SE');
    jest.spyOn(h.app.get<IdempotencyStore>(IDEMPOTENCY_STORE), 'put').mockImplementation(() => {
      throw driverError('SQLITE_FULL');
    });
    const res = await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody(), headers: { 'idempotency-key': 'full-disk-key-1' } });
    expect(res.status).toBe(201);
    expect(await h.events(res.body.caseId as string)).toHaveLength(1);
  });

  it('/ready reports a failed write until an append succeeds again; /health stays 200', async () => {
    const se = await h.token('SE');
    const real = h.store.lastWriteFault.bind(h.store);
    jest.spyOn(h.store, 'lastWriteFault').mockReturnValue({ fault: new StorageFull('SQLITE_FULL', 'no space'), at: Date.now() });
    const down = await h.call<{ reasons: { code: string }[] }>('GET', '/ready');
    expect(down.status).toBe(503);
    expect(down.body.reasons.map((r) => r.code)).toEqual(['STORE_FULL']);
    expect((await h.call('GET', '/health')).status).toBe(200);
    jest.restoreAllMocks();
    expect((await h.call('POST', '/api/v1/cases', { token: se, body: openCaseBody() })).status).toBe(201);
    expect(real()).toBeUndefined();
    const up = await h.call<{ status: string; reasons: unknown[] }>('GET', '/ready');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', reasons: [] });
  });
});

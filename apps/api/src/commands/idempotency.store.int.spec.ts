import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { IdempotencyStore } from './idempotency.store.js';

describe('IdempotencyStore', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-idem-'));
  const file = path.join(dir, 'idempotency.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the first answer across reopening, and prunes only keys older than the cut-off', async () => {
    const store = new IdempotencyStore(file);
    store.put('old', { fingerprint: 'a', status: 201, body: '{"n":1}' }, new Date('2026-11-20T00:00:00Z'));
    store.put('new', { fingerprint: 'b', status: 200, body: '{"n":2}' }, new Date('2026-11-24T00:00:00Z'));
    store.put('new', { fingerprint: 'c', status: 200, body: '{"n":3}' }, new Date('2026-11-24T00:00:01Z'));
    store.close();
    const reopened = new IdempotencyStore(file);
    expect(reopened.get('new')).toEqual({ fingerprint: 'b', status: 200, body: '{"n":2}' });
    expect(await reopened.prune(new Date('2026-11-23T00:00:00Z'))).toBe(1);
    expect(reopened.get('old')).toBeUndefined();
    expect(reopened.get('new')).toBeDefined();
    reopened.close();
  });
});

// Read models on a real full disk: the runner stalls (no permanent error), retries with backoff, and
// once the volume grows continues from its checkpoint within seconds, every event applied exactly once.
import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@liaison/event-store';
import { mountTmpfs } from '../../../../test/support/tmpfs.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

// PRIMARY KEY on the position: applying an event twice fails the projection (status error), so the
// spec sees a repeat as well as a skip.
const blobs: Projection = {
  name: 'blobs',
  version: 1,
  canHandle: ['Blob'],
  setup: (db) => db.exec('CREATE TABLE blobs (position INTEGER PRIMARY KEY, body TEXT NOT NULL)'),
  evolve: (rm, e) => void rm.stmt('INSERT INTO blobs (position, body) VALUES (?, ?)').run(e.position, e.data.body as string),
};

const tmpfs = mountTmpfs('liaison-rm-full-', '1m');
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-rm-full-log-'));
afterAll(() => {
  if ('dir' in tmpfs) tmpfs.unmount();
  fs.rmSync(logDir, { recursive: true, force: true });
});
if ('skipped' in tmpfs) console.warn(`SKIPPED read-model disk-full spec: ${tmpfs.skipped}`);
const maybe = 'dir' in tmpfs ? describe : describe.skip;

maybe('ProjectionRunner on a full disk', () => {
  it('stalls on SQLITE_FULL, then catches up from its checkpoint within seconds of space coming back', async () => {
    if (!('dir' in tmpfs)) return;
    const store = SqliteEventStore.open(path.join(logDir, 'events.db'));
    const runner = new ProjectionRunner({ store, dir: tmpfs.dir, projections: [blobs], fallbackPollMs: 20 });
    runner.start();
    try {
      const body = 'x'.repeat(4000);
      for (let i = 0; i < 12; i++) {
        await Promise.all(Array.from({ length: 50 }, (_, j) => store.append(`blob-${i}-${j}`, [{ type: 'Blob', data: { body }, metadata: {} }])));
      }
      const head = await store.headPosition();
      expect(await runner.waitForPosition(head, 1500)).toBe(false);
      const [stalled] = runner.status();
      expect(stalled.stalled).toMatch(/^SQLITE_FULL|^ENOSPC/);
      expect(stalled.error).toBeUndefined();

      tmpfs.resize('16m');
      const freed = Date.now();
      expect(await runner.waitForPosition(head, 5000)).toBe(true);
      const ms = Date.now() - freed;
      console.log(`read model caught up ${ms} ms after the disk grew`);
      expect(ms).toBeLessThan(4000);
      const [after] = runner.status();
      expect(after.stalled).toBeUndefined();
      expect(after.error).toBeUndefined();
      const positions = runner.snapshot('blobs', (db) => db.prepare('SELECT position FROM blobs ORDER BY position').pluck().all() as number[]).data;
      expect(positions).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    } finally {
      await runner.stop();
      await store.close();
    }
  }, 20_000);
});

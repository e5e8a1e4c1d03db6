// A real server refuses an append whose events' data add up to more than MaxAppendSize (1 MiB by
// default); the emulator does the same on both append paths, so callers that batch (the migration, the
// access-log appender) are held to the limit here and not first on a real cluster.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { MAX_APPEND_SIZE } from '../../../../test/support/esdb-emulator/append-handler.js';
import { startEsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { EsdbEventStore } from './esdb-event-store.js';

const meta = { actor: 'a', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: '2024-01-01T00:00:00.000Z' };
/** Events whose JSON data is `bytes` long in total, in `count` events. */
const events = (count: number, bytes: number) =>
  Array.from({ length: count }, () => ({ type: 'Sized', data: { text: 'x'.repeat(Math.floor(bytes / count) - 11) }, metadata: meta }));

describe.each([true, false])('EsdbEventStore append size (BatchAppend %s)', (batchAppend) => {
  it('refuses an append over the server\'s maximum, whole, and accepts one just under it', async () => {
    const emulator = await startEsdbEmulator({ batchAppend });
    const store = EsdbEventStore.fromConnectionString(emulator.connectionString);
    try {
      const stream = `sized-${randomUUID()}`;
      await expect(store.append(stream, events(8, MAX_APPEND_SIZE + 64))).rejects.toMatchObject({ type: 'maximum-append-size-exceeded', maxAppendSize: MAX_APPEND_SIZE });
      await expect(store.readStream(stream)).rejects.toThrow();
      const ok = await store.append(stream, events(8, MAX_APPEND_SIZE - 64));
      expect(ok.nextExpectedRevision).toBe(7n);
    } finally {
      await Promise.race([store.close(), new Promise((r) => setTimeout(r, 3000))]);
      await emulator.stop();
    }
  }, 30_000);
});

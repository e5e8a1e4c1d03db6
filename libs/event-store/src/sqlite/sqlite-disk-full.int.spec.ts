// A real full disk under the embedded store, on both writers: appends fail as StorageFull (also across
// the writer thread), nothing acknowledged is lost, and appends work again once the volume grows.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { mountTmpfs } from '../../../../test/support/tmpfs.js';
import { StorageFull } from '../storage-faults.js';
import { ev, streamId } from '../conformance/conformance-fixtures.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const fs = mountTmpfs('liaison-sqlite-full-', '1m');
afterAll(() => {
  if ('dir' in fs) fs.unmount();
});
if ('skipped' in fs) console.warn(`SKIPPED sqlite disk-full spec: ${fs.skipped}`);
const maybe = 'dir' in fs ? describe : describe.skip;

maybe.each(['inline', 'thread'] as const)('SqliteEventStore on a full disk (%s writer)', (writer) => {
  it('refuses appends with StorageFull, keeps every acknowledged event, and takes appends again after the disk grows', async () => {
    if (!('dir' in fs)) return;
    fs.resize('1m');
    const file = join(fs.dir, `${writer}.db`);
    const store = SqliteEventStore.open(file, { writer });
    const stream = streamId('full');
    const big = { blob: 'x'.repeat(4000) };
    let acknowledged = 0;
    let failure: unknown;
    for (let i = 0; i < 2000 && failure === undefined; i++) {
      await store.append(stream, [ev('Filled', big)]).then(() => acknowledged++, (e: unknown) => (failure = e));
    }
    expect(failure).toBeInstanceOf(StorageFull);
    expect((failure as StorageFull).code).toMatch(/^SQLITE_FULL|^ENOSPC/);
    expect(store.lastWriteFault()?.fault).toBe(failure);
    expect(acknowledged).toBeGreaterThan(10);

    fs.resize('8m');
    await store.append(stream, [ev('AfterGrowth')]);
    expect(store.lastWriteFault()).toBeUndefined();
    const events = await store.readStream(stream);
    expect(events.filter((e) => e.type === 'Filled')).toHaveLength(acknowledged);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  });
});

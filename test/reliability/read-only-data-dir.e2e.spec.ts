// A read-only DATA_DIR at start-up: the built service says so in one line and exits non-zero, leaving
// no partial files. Needs root (mount); elsewhere it reports that it skipped.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mountTmpfs } from '../support/tmpfs.js';
import { startLiaison } from '../e2e/support/liaison-process.js';

const fs = mountTmpfs('liaison-read-only-', '1m');
if ('skipped' in fs) console.warn(`\n*** SKIPPED test/reliability/read-only-data-dir.e2e.spec.ts: ${fs.skipped} ***\n`);
else fs.remount('ro');
afterAll(() => {
  if ('dir' in fs) fs.unmount();
});
const maybe = 'dir' in fs ? describe : describe.skip;

maybe('built service with a read-only DATA_DIR', () => {
  it.each([['the directory itself', ''], ['a directory to create in it', 'sub']])('refuses to start on %s, clearly, with no partial files', async (_what, sub) => {
    if (!('dir' in fs)) return;
    const failure = await startLiaison(join(fs.dir, sub)).then(
      async (p) => {
        await p.stop();
        return 'it started';
      },
      (e: Error) => e.message,
    );
    expect(failure).toMatch(/exited before listening/);
    expect(failure).toMatch(/Liaison failed to start: DATA_DIR \S+ is not writable: .*\((EROFS|ENOENT)\)/);
    expect(failure).not.toMatch(/\n\s+at /);
    expect(readdirSync(fs.dir)).toEqual([]);
  });
});

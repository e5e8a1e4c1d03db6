import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotFolder } from './snapshot-folder.js';

const bytes = (text: string) => async (tmp: string) => writeFileSync(tmp, text);

describe('SnapshotFolder generations', () => {
  let root: string;
  beforeEach(() => {
    root = join(mkdtempSync(join(tmpdir(), 'liaison-snapshot-folder-')), 'snapshots');
  });
  afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('given a marker being written beside the folders, when a new generation drops the old ones, then only generation folders go', async () => {
    // Given: generation 0's snapshot, and the marker's temporary file another thread is about to rename.
    const folder = new SnapshotFolder(root);
    expect(await folder.write(0, 'cases', 4, 10n, bytes('image'))).toBe(true);
    mkdirSync(root, { recursive: true });
    const markerInFlight = join(root, `generation.json.${process.pid + 1}.tmp`);
    writeFileSync(markerInFlight, '{}');
    // When: an erasure starts generation 1 (dropStale runs on the way).
    expect(folder.startGeneration(20n)).toBe(1);
    // Then: generation 0 is gone, the marker's temporary file is untouched (deleting it made the other
    // thread's rename throw, and a throw in the service's timer ended the process).
    expect(existsSync(join(root, 'g0'))).toBe(false);
    expect(existsSync(markerInFlight)).toBe(true);
    expect(folder.generation()).toBe(1);
    expect(folder.list('cases', 4)).toEqual([]);
  });

  it('given a generation marker, when the marker is written again, then the generation and what was followed are kept', () => {
    const folder = new SnapshotFolder(root);
    folder.startGeneration(5n);
    folder.watched(40n);
    expect([folder.generation(), folder.watchedThrough()]).toEqual([1, 40n]);
  });
});

// A file built from position 0 is written without fsync until its build finishes; a file found with the
// build still unfinished (process or machine died) is built again rather than trusted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ALL_PROJECTIONS } from '../read-models/all-projections.js';
import { casesProjection } from '../read-models/cases/cases.projection.js';
import { generateWorkload } from '../testing/workload.js';
import { readModelChecksum } from '../testing/read-model-checksum.js';
import { applyInPages, rebuiltChecksum } from '../testing/projection-harness.js';
import { ProjectionInstance } from './projection-instance.js';

describe('ProjectionInstance build from scratch', () => {
  const log = generateWorkload({ cases: 40, seed: 3 });
  const half = log.events.slice(0, Math.floor(log.events.length / 2));

  const withFile = (fn: (file: string) => void): void => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-instance-'));
    try {
      fn(path.join(dir, 'cases.db'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('runs unsynced while building, marked as an unfinished build until finished', () => withFile((file) => {
    const i = new ProjectionInstance(casesProjection, file);
    applyInPages(i, half, 50);
    expect(i.db.pragma('synchronous', { simple: true })).toBe(0);
    expect(i.db.pragma('user_version', { simple: true })).not.toBe(0);
    expect(i.finishBuild()).toBe(true);
    expect(i.db.pragma('user_version', { simple: true })).toBe(0);
    i.close();
  }));

  it('checkpoints its WAL every ~40 MB (fewer copies of hot pages) and trims a WAL grown past 64 MB', () => withFile((file) => {
    const i = new ProjectionInstance(casesProjection, file);
    expect(i.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    expect(i.db.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    i.close();
  }));

  it('a finished build has query planner statistics for its tables; building has none yet', () => withFile((file) => {
    const i = new ProjectionInstance(casesProjection, file);
    applyInPages(i, half, 50);
    const stat1 = () => i.db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get()
      ? (i.db.prepare('SELECT DISTINCT tbl FROM sqlite_stat1').pluck().all() as string[]) : [];
    expect(stat1()).toEqual([]);
    expect(i.finishBuild()).toBe(true);
    expect(stat1()).toEqual(expect.arrayContaining(['cases', 'persons', 'detentions']));
    i.close();
  }));

  it('a clean close keeps the progress of an unfinished build', () => withFile((file) => {
    const first = new ProjectionInstance(casesProjection, file);
    applyInPages(first, half, 50);
    first.close();
    const again = new ProjectionInstance(casesProjection, file);
    expect(again.checkpoint).toBe(half[half.length - 1].position);
    applyInPages(again, log.events, 50);
    expect(readModelChecksum(again.db)).toBe(rebuiltChecksum(casesProjection, log.events));
    again.close();
  }));

  it('a build cut off without finishing is discarded and built again, ending equal to a rebuild', () => withFile((file) => {
    const first = new ProjectionInstance(casesProjection, file);
    applyInPages(first, half, 50);
    first.db.close(); // as if the process died: no finishBuild
    const again = new ProjectionInstance(casesProjection, file);
    expect(again.checkpoint).toBe(-1n);
    applyInPages(again, log.events, 50);
    expect(readModelChecksum(again.db)).toBe(rebuiltChecksum(casesProjection, log.events));
    again.close();
  }));

  const indexNames = (i: ProjectionInstance): string[] =>
    (i.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[]);

  it.each(ALL_PROJECTIONS.map((p) => [p.name, p] as const))('%s gets its query indexes when the build finishes, not before', (_name, p) => withFile((file) => {
    const i = new ProjectionInstance(p, file);
    applyInPages(i, half, 50);
    expect(indexNames(i)).toEqual([]);
    expect(i.finishBuild()).toBe(true);
    const names = indexNames(i);
    expect(names).toHaveLength(p.indexes?.length ?? 0);
    i.close();
    // A finished file reopened (and an in-memory one, never "building") has them from the start.
    const again = new ProjectionInstance(p, file);
    expect(indexNames(again)).toEqual(names);
    again.close();
    const memory = new ProjectionInstance(p, ':memory:');
    expect(indexNames(memory)).toEqual(names);
    memory.close();
  }));
});

// A built read-model file commits without fsync under a durable boot mark: trusted after a process
// crash in the same boot, built again from the log after a machine restart, unmarked by a clean close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '@jest/globals';
import { detentionRegisterProjection } from '../read-models/detention-register/detention-register.projection.js';
import { generateWorkload } from '../testing/workload.js';
import { readModelChecksum } from '../testing/read-model-checksum.js';
import { applyInPages, rebuiltChecksum } from '../testing/projection-harness.js';
import { ProjectionInstance } from './projection-instance.js';
import { currentBootId, unsyncedSince } from './unsynced-mark.js';

const linux = currentBootId() !== undefined;
const projection = detentionRegisterProjection;

(linux ? describe : describe.skip)('read-model files written unsynced under a boot mark', () => {
  const log = generateWorkload({ cases: 30, seed: 9 });
  const half = log.events.slice(0, Math.floor(log.events.length / 2));
  const lastOfHalf = half[half.length - 1].position;

  const withBuiltFile = (fn: (file: string) => void): void => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-unsynced-'));
    try {
      const file = path.join(dir, 'detention-register.db');
      const build = new ProjectionInstance(projection, file);
      applyInPages(build, half, 40);
      build.close();
      fn(file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  /** What a process that died (or a machine that lost power) leaves: the mark, naming some boot. */
  const leaveMarked = (file: string, bootId: string): void => {
    const db = new Database(file);
    db.prepare('INSERT OR REPLACE INTO _unsynced(id, boot_id) VALUES (1, ?)').run(bootId);
    db.close();
  };
  const markOf = (file: string): string | undefined => {
    const db = new Database(file, { readonly: true });
    try {
      return unsyncedSince(db);
    } finally {
      db.close();
    }
  };

  it('a finished build goes on without fsync, marked with this boot; a clean close syncs and unmarks', () => withBuiltFile((file) => {
    const i = new ProjectionInstance(projection, file);
    expect(i.db.pragma('synchronous', { simple: true })).toBe(0);
    expect(unsyncedSince(i.db)).toBe(currentBootId());
    applyInPages(i, log.events.slice(half.length), 40);
    i.close();
    expect(markOf(file)).toBeUndefined();
  }));

  it('finishing a build marks the file with this boot in one durable commit, without syncing the build itself', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-unsynced-'));
    try {
      const file = path.join(dir, 'detention-register.db');
      const i = new ProjectionInstance(projection, file);
      applyInPages(i, half, 40);
      const walBytes = () => fs.statSync(`${file}-wal`).size;
      const built = walBytes();
      expect(i.finishBuild()).toBe(true);
      expect(unsyncedSince(i.db)).toBe(currentBootId());
      expect(i.db.pragma('user_version', { simple: true })).toBe(0);
      expect(i.db.pragma('synchronous', { simple: true })).toBe(0);
      // A TRUNCATE checkpoint (copying and syncing every page of the build) would have emptied the WAL.
      expect(walBytes()).toBeGreaterThan(built);
      i.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file left unsynced by a process that died in this boot is trusted and resumes', () => withBuiltFile((file) => {
    leaveMarked(file, currentBootId() as string);
    const i = new ProjectionInstance(projection, file);
    expect(i.checkpoint).toBe(lastOfHalf);
    applyInPages(i, log.events, 40);
    expect(readModelChecksum(i.db)).toBe(rebuiltChecksum(projection, log.events));
    i.close();
  }));

  it('a file left unsynced before the machine restarted is built again from the log', () => withBuiltFile((file) => {
    leaveMarked(file, '00000000-0000-4000-8000-000000000000');
    const i = new ProjectionInstance(projection, file);
    expect(i.checkpoint).toBe(-1n);
    applyInPages(i, log.events, 40);
    expect(readModelChecksum(i.db)).toBe(rebuiltChecksum(projection, log.events));
    i.close();
  }));
});

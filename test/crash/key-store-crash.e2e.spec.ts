import { afterAll, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteKeyStore } from '../../libs/event-store/src/privacy/sqlite-key-store.js';
import { runUntilKilled } from './kill-child.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'liaison-key-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the key creator, SIGKILLs it ~1 s after it started, returns the complete lines it printed. */
async function runAndKill(file: string, round: number): Promise<string[]> {
  const { lines, signal } = await runUntilKilled(join(here, 'key-create-loop.child.ts'), [file, String(round)], { cwd: root });
  expect(signal).toBe('SIGKILL');
  return lines;
}

it('keeps every acknowledged key and erasure across SIGKILL (twice, reusing the crashed file)', async () => {
  const file = join(dir, 'keys.db');
  const keys = new Map<string, string>();
  const erased = new Set<string>();
  for (const round of [1, 2]) {
    const lines = await runAndKill(file, round);
    for (const line of lines) {
      const [what, subject, hex] = line.split(' ');
      if (what === 'KEY') {
        // Every answer for one subject, from any worker, is the same key.
        expect(keys.get(subject) ?? hex).toBe(hex);
        keys.set(subject, hex);
      }
      if (what === 'ERASED') erased.add(subject);
    }
    expect(keys.size).toBeGreaterThan(50); // enough traffic that losing the WAL's tail would be noticed
    console.log(`key store, round ${round}: ${keys.size} keys and ${erased.size} erasures acknowledged so far`);

    const store = SqliteKeyStore.open(file, { mustExist: true, cacheSize: 0 });
    const found = await store.lookup([...keys.keys()]);
    const problems: string[] = [];
    let inFlight = 0;
    for (const [subject, hex] of keys) {
      const now = found.get(subject);
      // An erasure that was under way at the kill may have committed unacknowledged: allowed, at most
      // one per worker, and only the child's own (its tombstone names the child's erasure id).
      if (!erased.has(subject) && now?.kind === 'erased' && now.tombstone.erasureEventId === `erasure-${subject}`) {
        erased.add(subject);
        if (++inFlight > 6) problems.push('more erasures in flight than workers');
      } else if (erased.has(subject)) {
        if (now?.kind !== 'erased') problems.push(`${subject}: acknowledged erasure lost (${now?.kind})`);
      } else if (now?.kind !== 'key' || now.key.toString('hex') !== hex) {
        problems.push(`${subject}: acknowledged key ${now?.kind === 'key' ? 'changed' : (now?.kind ?? 'lost')}`);
      }
    }
    expect(store.integrityCheck()).toBe('ok');
    await store.close();
    expect(problems.slice(0, 20)).toEqual([]);
  }
  const db = new Database(file, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
}, 90_000);

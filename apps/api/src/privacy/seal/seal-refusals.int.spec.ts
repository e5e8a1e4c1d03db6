import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@liaison/event-store';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { SealUsageError } from '../store-paths.js';
import { PlainProgress } from './seal-progress.js';
import { sealStore } from './seal-store.js';
import { appendInterleaved, caseStream } from './testing/plaintext-store.fixture.js';
import { tamperedCopy } from './testing/tampered-copy.js';

// When the seal (ADR 19) refuses or stops: a broken source chain, a target that is taken or a source
// that is not an event store, an interruption half-way. In each case nothing is left behind.

const tmp = mkdtempSync(path.join(tmpdir(), 'liaison-seal-refusals-'));
const src = path.join(tmp, 'src');
const quiet = () => new PlainProgress(() => undefined, () => 0);
const seal = (from: string, to: string) => sealStore({ from, to, operator: 'ops-jane', toolVersion: '9.9.9', policy: PERSONAL_DATA_POLICY, progress: quiet() });

beforeAll(async () => {
  mkdirSync(src);
  const store = SqliteEventStore.open(path.join(src, 'events.db'));
  try {
    await appendInterleaved(store, Array.from({ length: 4 }, (_, n) => caseStream(n, 2)));
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('privacy seal refusals', () => {
  it('given a source whose chain is broken, then it refuses before writing anything', async () => {
    const broken = tamperedCopy(src, path.join(tmp, 'broken'), "UPDATE events SET data = json_set(data, '$.title', 'Operation Tampered') WHERE global_position = 1");
    const outcome = await seal(broken, path.join(tmp, 'from-broken'));
    expect(outcome).toMatchObject({ ok: false, reason: 'source-chain-broken', report: { ok: false, firstBreak: { position: '1', reason: 'hash-mismatch' } } });
    expect(existsSync(path.join(tmp, 'from-broken'))).toBe(false);
  });

  it('given an interruption half-way (Ctrl-C), then it stops between pages and removes the new folder', async () => {
    const interrupt = new AbortController();
    // Presses Ctrl-C as soon as the first page has been sealed.
    const progress = new (class extends PlainProgress {
      private sealing = false;
      override start(phase: string, total: number): void {
        this.sealing = phase === 'seal';
        super.start(phase, total);
      }
      override update(done: number): void {
        if (this.sealing && done > 0) interrupt.abort();
        super.update(done);
      }
    })(() => undefined, () => 0);
    const to = path.join(tmp, 'interrupted');
    await expect(sealStore({ from: src, to, operator: 'ops-jane', toolVersion: '9.9.9', policy: PERSONAL_DATA_POLICY, progress, signal: interrupt.signal }))
      .rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(to)).toBe(false);
  });

  it('given a target folder that exists and is not empty, then it refuses as a usage error and leaves it alone', async () => {
    const taken = path.join(tmp, 'taken');
    mkdirSync(taken);
    writeFileSync(path.join(taken, 'events.db'), 'someone else\'s store');
    await expect(seal(src, taken)).rejects.toBeInstanceOf(SealUsageError);
    await expect(seal(src, src)).rejects.toBeInstanceOf(SealUsageError);
    // Not an event store: refused before the store adapter could create its table in it.
    await expect(seal(path.join(taken, 'events.db'), path.join(tmp, 'never'))).rejects.toThrow('is not a Liaison event store');
    await expect(seal(path.join(tmp, 'nowhere'), path.join(tmp, 'never'))).rejects.toThrow('does not exist');
    expect(readFileSync(path.join(taken, 'events.db'), 'utf8')).toBe('someone else\'s store');
    expect(readdirSync(taken)).toEqual(['events.db']);
  });
});

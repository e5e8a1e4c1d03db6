import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './sqlite-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase page caches', () => {
  it('given the writer and a reader of one file, then the writer caches 16 MiB and a reader 8 MiB (RSS, ADR 33)', () => {
    const file = join(dir, 'events.db');
    const writer = openDatabase(file, 'writer');
    const reader = openDatabase(file, 'reader');
    expect([writer.pragma('cache_size', { simple: true }), reader.pragma('cache_size', { simple: true })]).toEqual([-16384, -8192]);
    reader.close();
    writer.close();
  });
});

import { describe, expect, it } from '@jest/globals';
import { memoryBreakdownOf } from './proc-memory.js';

const smaps = [
  '55d000000000-55d000040000 r-xp 00000000 08:01 1234 /usr/bin/node',
  'Rss:                 200 kB',
  '55d001000000-55d004000000 rw-p 00000000 00:00 0 [heap]',
  'Rss:               30000 kB',
  '7f0000000000-7f0000040000 rw-p 00000000 00:00 0 ',
  'Rss:                 256 kB',
  '7f0000040000-7f0000080000 rw-p 00000000 00:00 0 ',
  'Rss:                 128 kB',
  '7f0001000000-7f0005000000 rw-p 00000000 00:00 0 ',
  'Rss:               20000 kB',
  '7f0006000000-7f0006010000 rw-p 00000000 00:00 0 ',
  'Rss:                  64 kB',
  '7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0 [stack]',
  'Rss:                  40 kB',
].join('\n');

describe('memoryBreakdownOf', () => {
  it('given smaps, then V8 pages, malloc heaps, files and the rest are told apart by mapping', () => {
    expect(memoryBreakdownOf(smaps)).toEqual({ v8Pages: 384 * 1024, malloc: 50000 * 1024, files: 200 * 1024, other: 104 * 1024 });
  });
});

import { describe, expect, it } from '@jest/globals';
import { retryWhileBusy } from './busy-retry.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('retryWhileBusy', () => {
  it('runs the statement again while SQLite answers SQLITE_BUSY, and returns its result', () => {
    let calls = 0;
    expect(retryWhileBusy(() => (++calls < 4 ? (() => { throw busy(); })() : 'wal'))).toBe('wal');
    expect(calls).toBe(4);
  });

  it('lets any other error through at once', () => {
    let calls = 0;
    const full = Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
    expect(() => retryWhileBusy(() => { calls++; throw full; })).toThrow('disk full');
    expect(calls).toBe(1);
  });
});

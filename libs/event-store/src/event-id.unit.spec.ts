import { describe, expect, it } from '@jest/globals';
import { newEventId } from './event-id.js';

describe('newEventId (UUIDv7)', () => {
  it('is a version-7, variant-1 UUID carrying the millisecond timestamp', () => {
    const at = Date.UTC(2026, 10, 24, 12, 0, 0);
    const id = newEventId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time and never repeats', () => {
    const ids = [newEventId(1_000), newEventId(2_000), newEventId(3_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 10_000 }, () => newEventId(5_000))).size).toBe(10_000);
  });
});

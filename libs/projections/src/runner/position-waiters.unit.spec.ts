import { describe, expect, it } from '@jest/globals';
import { PositionWaiters } from './position-waiters.js';

describe('PositionWaiters', () => {
  it('resolves at once when already there, on advance when reached, false on timeout or shutdown', async () => {
    const w = new PositionWaiters();
    await expect(w.wait(5n, 5n, 1000)).resolves.toBe(true);
    const reached = w.wait(1n, 4n, 1000);
    const notYet = w.wait(1n, 9n, 1000);
    w.advance(4n);
    await expect(reached).resolves.toBe(true);
    await expect(w.wait(4n, 9n, 10)).resolves.toBe(false);
    w.failAll();
    await expect(notYet).resolves.toBe(false);
  });
});

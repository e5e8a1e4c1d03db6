import { describe, expect, it } from '@jest/globals';
import { PositionWaiters } from './position-waiters.js';

describe('PositionWaiters', () => {
  it('resolves at once when already there, on advance when reached, false on timeout or shutdown', async () => {
    const w = new PositionWaiters();
    await expect(w.wait(5n, 5n, 1000)).resolves.toBe(true);
    const reached = w.wait(1n, 4n, 1000);
    const notYet = w.wait(1n, 9n, 1000);
    w.advance(() => 4n);
    await expect(reached).resolves.toBe(true);
    await expect(w.wait(4n, 9n, 10)).resolves.toBe(false);
    w.failAll();
    await expect(notYet).resolves.toBe(false);
  });

  it('asks for the position only while someone waits', async () => {
    const w = new PositionWaiters();
    let asked = 0;
    const at = (p: bigint) => () => (asked++, p);
    w.advance(at(3n));
    expect(asked).toBe(0);
    const waiting = w.wait(1n, 3n, 1000);
    w.advance(at(3n));
    await expect(waiting).resolves.toBe(true);
    expect(asked).toBe(1);
    w.advance(at(4n));
    expect(asked).toBe(1);
  });
});

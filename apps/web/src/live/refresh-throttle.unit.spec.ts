import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { RefreshThrottle } from './refresh-throttle';

/** A fetch whose answers the test releases one by one. */
function fetches() {
  const pending: (() => void)[] = [];
  const fetch = jest.fn(() => new Promise<void>((resolve) => pending.push(resolve)));
  const answer = async () => {
    pending.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { fetch, answer };
}

describe('RefreshThrottle', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('refreshes during a steady stream of updates, at most once per interval (a debounce never would)', async () => {
    const { fetch, answer } = fetches();
    const t = new RefreshThrottle(fetch, 1000);
    t.start();
    await answer();
    // An update every 5 ms for 5 s.
    for (let ms = 0; ms < 5000; ms += 5) {
      t.update();
      jest.advanceTimersByTime(5);
      await answer();
    }
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(fetch.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('answers a lone update at once when the last fetch is older than the interval', async () => {
    const { fetch, answer } = fetches();
    const t = new RefreshThrottle(fetch, 1000);
    t.start();
    await answer();
    jest.advanceTimersByTime(5000);
    t.update();
    jest.advanceTimersByTime(0);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('never runs two fetches at once, and fetches once more after updates that came during one', async () => {
    const { fetch, answer } = fetches();
    const t = new RefreshThrottle(fetch, 1000);
    t.start();
    t.update();
    t.update();
    jest.advanceTimersByTime(3000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await answer();
    jest.advanceTimersByTime(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    await answer();
    jest.advanceTimersByTime(3000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps refreshing after a fetch failed', async () => {
    const fetch = jest.fn(() => Promise.reject(new Error('offline')));
    const t = new RefreshThrottle(fetch, 1000);
    t.start();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(1000);
    t.update();
    jest.advanceTimersByTime(0);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does nothing once stopped', async () => {
    const { fetch, answer } = fetches();
    const t = new RefreshThrottle(fetch, 1000);
    t.start();
    await answer();
    t.update();
    t.stop();
    jest.advanceTimersByTime(5000);
    t.update();
    jest.advanceTimersByTime(5000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

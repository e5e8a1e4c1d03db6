import { ReconnectPause } from './reconnect-pause.js';

const refTimers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('ReconnectPause', () => {
  it('given a pause under way, when it is waited on, then its timer keeps the process alive (a reconnect in progress is work)', async () => {
    // Given
    const pause = new ReconnectPause(50, 50);
    const before = refTimers();
    // When
    const waiting = pause.wait();
    // Then: an unref'd timer would not be listed; with it as the only handle, Node exited 0 mid-start-up.
    expect(refTimers()).toBe(before + 1);
    await waiting;
  });

  it('given a cancelled pause, when it is waited on again, then it resolves at once instead of starting a new timer', async () => {
    // Given
    const pause = new ReconnectPause(10_000, 10_000);
    const first = pause.wait();
    pause.cancel();
    await first;
    // When
    const t0 = performance.now();
    const before = refTimers();
    await pause.wait();
    // Then
    expect(performance.now() - t0).toBeLessThan(50);
    expect(refTimers()).toBe(before);
  });

  it('given attempts that keep failing, when waited on, then pauses grow from the first to the cap', async () => {
    const pause = new ReconnectPause(5, 20);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      await pause.wait();
      times.push(performance.now() - t0);
    }
    expect(times[0]).toBeGreaterThanOrEqual(3);
    expect(times[3]).toBeGreaterThanOrEqual(14);
  });
});

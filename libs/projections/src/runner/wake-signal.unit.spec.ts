import { describe, expect, it } from '@jest/globals';
import { WakeSignal } from './wake-signal.js';

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('WakeSignal', () => {
  it('a wake that came before the wait is not lost', async () => {
    const s = new WakeSignal(60_000);
    s.fire();
    expect(await settled(s.wait())).toBe(true);
    expect(await settled(s.wait())).toBe(false);
    await s.close();
  });

  it('a waiting loop is woken by fire', async () => {
    const s = new WakeSignal(60_000);
    const waiting = s.wait();
    expect(await settled(waiting)).toBe(false);
    s.fire();
    expect(await settled(waiting)).toBe(true);
    await s.close();
  });

  it('without a wake, every wait still ends after the fallback interval (its timer is re-armed)', async () => {
    const s = new WakeSignal(20);
    for (let i = 0; i < 3; i++) await s.wait();
    s.fire();
    await s.wait();
    await s.wait();
    await s.close();
  });

  it('close wakes a pending wait', async () => {
    const s = new WakeSignal(60_000);
    const waiting = s.wait();
    await s.close();
    expect(await settled(waiting)).toBe(true);
  });
});

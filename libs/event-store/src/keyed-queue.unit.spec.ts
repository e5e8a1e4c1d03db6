import { describe, expect, it } from '@jest/globals';
import { KeyedQueue } from './keyed-queue.js';

const tick = () => new Promise<void>((r) => setImmediate(r));

/** A task that records when it starts and ends, and finishes only when released. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { release, task: async () => { log.push(`${name} start`); await done; log.push(`${name} end`); return name; } };
}

describe('KeyedQueue', () => {
  it('runs tasks of one key one after another, in the order they came', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const a = gate(log, 'a1');
    const b = gate(log, 'a2');
    const first = q.run('a', a.task);
    const second = q.run('a', b.task);
    await tick();
    expect(log).toEqual(['a1 start']);
    a.release();
    await expect(first).resolves.toBe('a1');
    await tick();
    expect(log).toEqual(['a1 start', 'a1 end', 'a2 start']);
    b.release();
    await expect(second).resolves.toBe('a2');
  });

  it('runs different keys side by side', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const ra = q.run('a', a.task);
    const rb = q.run('b', b.task);
    await tick();
    expect(log).toEqual(['a start', 'b start']);
    b.release();
    await expect(rb).resolves.toBe('b');
    a.release();
    await ra;
  });

  it('lets the next task run after one fails, and hands each caller its own outcome', async () => {
    const q = new KeyedQueue();
    const failed = q.run('a', async () => { throw new Error('refused'); });
    const next = q.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('ran');
  });

  it('forgets a key once its last task settled, so it does not grow with every stream ever written', async () => {
    const q = new KeyedQueue();
    await Promise.all(Array.from({ length: 50 }, (_, i) => q.run(`s-${i % 5}`, async () => i)));
    await tick();
    expect(q.activeKeys).toBe(0);
  });
});

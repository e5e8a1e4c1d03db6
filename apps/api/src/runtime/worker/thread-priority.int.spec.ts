import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from '@jest/globals';
import { projectionNiceness } from './thread-priority.js';

const niceOf = (statPath: string): number => Number(readFileSync(statPath, 'utf8').split(') ')[1].split(' ')[16]);

describe('projection thread priority', () => {
  it('reads PROJECTION_NICE (default 5) and refuses nonsense', () => {
    expect(projectionNiceness({})).toBe(5);
    expect(projectionNiceness({ PROJECTION_NICE: '0' })).toBe(0);
    expect(projectionNiceness({ PROJECTION_NICE: '12' })).toBe(12);
    expect(() => projectionNiceness({ PROJECTION_NICE: '-3' })).toThrow(/0-19/);
    expect(() => projectionNiceness({ PROJECTION_NICE: 'low' })).toThrow(/0-19/);
  });

  (process.platform === 'linux' ? it : it.skip)('lowers only the calling thread, not the process', async () => {
    const before = niceOf('/proc/thread-self/stat');
    const target = Math.min(19, before + 3); // relative to wherever the tests run
    // The worker runs the very function from the TypeScript source through tsx, as the service runs it compiled.
    const src = new URL('./thread-priority.ts', import.meta.url).href;
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(src)}); }).then((m) => {
      const { parentPort } = require('node:worker_threads');
      const fs = require('node:fs');
      const lowered = m.lowerThreadPriority(3);
      const nice = Number(fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16]);
      parentPort.postMessage({ lowered, nice });
    })`;
    const result = await new Promise<{ lowered: boolean; nice: number }>((resolve, reject) => {
      const w = new Worker(code, { eval: true });
      w.once('message', (m) => { resolve(m as { lowered: boolean; nice: number }); void w.terminate(); });
      w.once('error', reject);
    });
    expect(result).toEqual({ lowered: true, nice: target });
    expect(niceOf('/proc/thread-self/stat')).toBe(before);
  });
});

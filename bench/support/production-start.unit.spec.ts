import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseStartScript, productionStart } from './production-start.js';

describe('how production starts the service', () => {
  it('reads variables in front of node, node flags, and the entry point', () => {
    expect(parseStartScript('MALLOC_ARENA_MAX=2 node --max-semi-space-size=16 dist/apps/api/src/main.js'))
      .toEqual({ env: { MALLOC_ARENA_MAX: '2' }, nodeFlags: ['--max-semi-space-size=16'] });
    expect(parseStartScript('node dist/apps/api/src/main.js')).toEqual({ env: {}, nodeFlags: [] });
  });

  it('refuses a script it would misread', () => {
    expect(() => parseStartScript('tsx apps/api/src/main.ts')).toThrow(/unexpected start:prod/);
    expect(() => parseStartScript('node dist/apps/api/src/main.js --inspect')).toThrow(/unexpected start:prod/);
  });

  it('limits glibc to two malloc arenas, as the Dockerfile does', () => {
    // With glibc's default arenas the projections bench's worker host peaked at 315 MiB on average
    // over four full runs (target ≤ 300 MiB), with two at 294 MiB, at the same build rate.
    expect(productionStart().env).toEqual({ MALLOC_ARENA_MAX: '2' });
    const dockerfile = readFileSync(path.resolve('docker/Dockerfile'), 'utf8');
    for (const [name, value] of Object.entries(productionStart().env)) expect(dockerfile).toMatch(new RegExp(`^\\s*${name}=${value}\\b`, 'm'));
  });
});

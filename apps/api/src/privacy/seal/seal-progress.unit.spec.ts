import { describe, expect, it } from '@jest/globals';
import { PlainProgress } from './seal-progress.js';

describe('PlainProgress (stderr not a terminal)', () => {
  it('given updates through a phase, then one line per tenth reached (several tenths at once: one line) and one at the end, with the rate', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new PlainProgress((l) => lines.push(l), () => now);
    progress.start('seal', 1000);
    now = 1000;
    progress.update(50);
    progress.update(100);
    progress.update(150);
    now = 2000;
    progress.update(450);
    now = 4000;
    progress.update(1000);
    progress.stop();
    expect(lines).toEqual([
      'seal: 100 / 1,000 events (10%), 100 events/s',
      'seal: 450 / 1,000 events (40%), 225 events/s',
      'seal: 1,000 / 1,000 events (100%), 250 events/s',
      'seal: done, 1,000 events in 4.0 s (250 events/s)',
    ]);
  });

  it('given a new phase, then the running one ends first; an empty phase prints only its end', () => {
    const lines: string[] = [];
    const progress = new PlainProgress((l) => lines.push(l), () => 0);
    progress.start('verify source', 0);
    progress.update(0);
    progress.start('seal', 10);
    progress.stop();
    progress.stop();
    expect(lines).toEqual(['verify source: done, 0 events in 0.0 s (0 events/s)', 'seal: done, 0 events in 0.0 s (0 events/s)']);
  });
});

import { advantage, fmtInt, fmtMs, fmtRatio, median, percentile, ratePerSecond, verdict } from './stats.js';
import { renderTable } from './table.js';

describe('bench stats helpers', () => {
  it('takes nearest-rank percentiles without mutating the sample', () => {
    const sample = [5, 1, 4, 2, 3];
    expect(median(sample)).toBe(3);
    expect(percentile(sample, 100)).toBe(5);
    expect(percentile(sample, 0)).toBe(1);
    expect(sample).toEqual([5, 1, 4, 2, 3]);
    expect(median([])).toBeNaN();
  });

  it('never reports an untimed run as infinitely fast', () => {
    expect(ratePerSecond(300, 100)).toBe(3000);
    expect(ratePerSecond(300, 0)).toBeNaN();
    expect(fmtInt(Number.NaN)).toBe('n/a');
  });

  it('expresses advantage as "times better" for rates and latencies alike', () => {
    expect(advantage(3000, 300)).toBe(10);
    expect(advantage(20, 60, true)).toBe(3);
    expect(fmtRatio(advantage(1, 0))).toBe('n/a');
    expect(fmtRatio(12.345)).toBe('12.3×');
  });

  it('judges targets in the right direction', () => {
    expect(verdict(3000, 3000)).toBe('PASS');
    expect(verdict(61, 60, true)).toBe('MISS');
    expect(verdict(0, 0, true)).toBe('PASS');
    expect(verdict(Number.NaN, 1)).toBe('MISS');
    expect(verdict(5, undefined)).toBe('—');
    expect(fmtMs(2.5)).toBe('2.50 ms');
  });

  it('renders an aligned table', () => {
    expect(renderTable(['a', 'b'], [['x', '10'], ['yy', '1']])).toBe(
      ['| a  |  b |', '|----|----|', '| x  | 10 |', '| yy |  1 |'].join('\n'),
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { DENMARK_FIGURES, SWEDEN_FIGURES } from '../../../../test/e2e/support/information-request-story';
import {
  countriesIn, figureSummaries, groundCounts, parseStatisticsCsv, rowCells, rowsFor, StatisticsCsvError, summaryText,
} from './statistics';

// The hand-computed fixture of the information-request e2e, as the API writes it (CRLF, header first).
const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('Art. 18 statistics from the API CSV', () => {
  it('reads every row back in the stable column layout', () => {
    const rows = parseStatisticsCsv(csv(SWEDEN_FIGURES));
    expect(rows.map((r) => rowCells(r).join(','))).toEqual(SWEDEN_FIGURES.slice(1));
    expect(rows[0]).toEqual({ year: '2024', reportingCountry: 'SE', figure: 'submitted', otherCountry: '', urgency: 'urgent', ground: '', count: 1 });
  });

  it('refuses anything but that layout', () => {
    expect(() => parseStatisticsCsv('a,b\r\n1,2\r\n')).toThrow(StatisticsCsvError);
    expect(() => parseStatisticsCsv(`${SWEDEN_FIGURES[0]}\r\n2024,SE,submitted,,urgent,,many\r\n`)).toThrow(/row 2 is malformed/);
  });

  it('sums up each figure for the totals or one country, with the urgency split where the directive asks for it', () => {
    const dk = parseStatisticsCsv(csv(DENMARK_FIGURES));
    expect(figureSummaries(dk, '')).toEqual([
      { figure: 'submitted', urgent: 1, notUrgent: 0, total: 1 },
      { figure: 'received', urgent: 1, notUrgent: 3, total: 4 },
      { figure: 'answered', urgent: 1, notUrgent: 0, total: 1 },
      { figure: 'refused', urgent: null, notUrgent: null, total: 1 },
      { figure: 'deviation', urgent: null, notUrgent: null, total: 0 },
    ]);
    expect(figureSummaries(dk, 'SE')[1]).toEqual({ figure: 'received', urgent: 1, notUrgent: 3, total: 4 });
    expect(figureSummaries(dk, 'NO').every((s) => s.total === 0)).toBe(true);
    expect(summaryText(figureSummaries(dk, '')[1]!)).toBe('Received (Art. 18(2)(b)): 4 (1 urgent, 3 not urgent)');
    expect(summaryText(figureSummaries(dk, '')[3]!)).toBe('Refused (Art. 18(2)(c)): 1');
    expect(groundCounts(dk).filter((g) => g.count > 0)).toEqual([{ ground: 'g', count: 1 }]);
    expect(groundCounts(dk).map((g) => g.ground).join('')).toBe('abcdefgh');
  });

  it('narrows the table to one other country', () => {
    const se = parseStatisticsCsv(csv(SWEDEN_FIGURES));
    expect(countriesIn(se)).toEqual(['DK']);
    expect(rowsFor(se, '')).toHaveLength(se.length);
    expect(rowsFor(se, 'DK').every((r) => r.otherCountry === 'DK')).toBe(true);
    expect(rowsFor(se, 'DK').map((r) => r.figure)).toEqual(['submitted', 'submitted', 'submitted', 'received', 'received', 'received', 'answered', 'answered', 'answered', 'deviation']);
    expect(rowsFor(se, 'NO')).toEqual([]);
  });
});

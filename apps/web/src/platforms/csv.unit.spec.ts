import { describe, expect, it } from '@jest/globals';
import { csvField, toCsv } from './csv';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and doubles embedded quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes numbers as numbers and nothing for null, undefined or non-finite', () => {
    expect([csvField(0), csvField(83.3), csvField(null), csvField(undefined), csvField(Number.NaN)]).toEqual(['0', '83.3', '', '', '']);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM')).toBe("'@SUM");
    expect(csvField(-1)).toBe('-1');
  });

  it('joins rows with CRLF and ends with one', () => {
    expect(toCsv([['Platform', 'Removal rate (%)'], ['TikTok', 75], ['Telegram', null]])).toBe('Platform,Removal rate (%)\r\nTikTok,75\r\nTelegram,\r\n');
  });
});

// What the fuzzer sends instead of a valid value, and its seeded random source (mulberry32), so a run
// is repeated exactly by its seed. Strings carry MARK so the log check can tell if any reached the log.

export const MARK = 'FUZZMARK';

export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], int: (n: number) => Math.floor(next() * n) };
}
export type Random = ReturnType<typeof seededRandom>;

/** JSON values in place of a field: wrong types, null, edge numbers, odd and long strings. */
export const WRONG_VALUES: readonly unknown[] = [
  null, 0, -1, 1.5, -1e308, 2 ** 53 + 1, true, false, '', ' ', `${MARK} Åsa Öberg`, 'x'.repeat(5000), [], {}, [null], { $gt: '' },
  '😀'.repeat(50), '\u0000', '<script>alert(1)</script>', "' OR 1=1 --", '2025-13-45T99:99:99Z', '../../etc/passwd', 'NaN', '-0',
  [`${MARK}`, 1, {}], JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }, '1e309', 'ZZ', 'se',
];

/** Whole bodies that are not the JSON an operation wants. */
export const RAW_BODIES: readonly [string, string][] = [
  ['malformed-json', '{'],
  ['malformed-json', '{"a":'],
  ['malformed-json', "{'single': 'quotes'}"],
  ['nan-literal', '{"birthYear": NaN}'],
  ['infinity-literal', '{"expectedDelayDays": 1e999}'],
  ['json-null', 'null'],
  ['json-array', '[]'],
  ['json-string', `"${MARK}"`],
  ['json-number', '123'],
  ['bom', '\ufeff{}'],
  ['deep-nesting', '['.repeat(5000) + ']'.repeat(5000)],
  ['deep-object', '{"a":'.repeat(2000) + '1' + '}'.repeat(2000)],
  ['duplicate-keys', '{"title":"a","title":{"b":1}}'],
  ['proto', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'],
  ['empty', ''],
];

export const CONTENT_TYPES: readonly string[] = [
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16',
  'application/xml', 'application/json, text/plain', 'invalid', ';;;', 'text/csv', 'application/x-ndjson',
];

export const BAD_IDS: readonly string[] = [
  'not-a-uuid', '00000000-0000-0000-0000-000000000000', '3f1c9a52-6d0e-4b7a-9c21-5e8f0a4d2b6', '%2e%2e%2f%2e%2e%2fetc', 'a'.repeat(3000),
  '%00', "1'%20OR%20'1'%3D'1", '%C3%85%C3%84%C3%96', '-1', 'SE', 'se', 'ZZ', '%F0%9F%98%80', 'null', '[]', '%E0%A4%A', '%', '%zz',
];

export const IF_MATCH: readonly string[] = ['abc', '"abc"', '"-1"', '"99999999999999999999"', '*', 'W/"1"', '"1", "2"', '', '"0"', '"1e3"'];
export const IDEMPOTENCY_KEYS: readonly string[] = ['', ' ', 'x'.repeat(200), 'a b', 'key/with/slash', 'ä-key', `${MARK}-ok-key`];
export const MIN_POSITIONS: readonly string[] = ['-1', 'abc', '1e3', '99999999999999999999', '18446744073709551616', '0x10', '', ' 1', '1.5'];
export const PURPOSES: readonly string[] = ['', 'ab', 'x'.repeat(600), '\t', `${MARK} purpose äöå`, '   '];
export const QUERY_VALUES: readonly string[] = [
  '', 'x', '-1', '0', '1e999', 'NaN', 'x'.repeat(2000), '%00', 'true', '2026-02-30', '%20', `${MARK}`, '501', '2025-13', '%27%20OR%201%3D1',
];

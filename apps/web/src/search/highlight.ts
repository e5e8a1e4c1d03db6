/**
 * Marks the words of a hit that the search matched, as the server matched them: a word matches when
 * it starts with one of the query's words, compared without case or accents, with ø/æ as o/ae (the
 * read model's foldForSearch and its tokenizer's remove_diacritics). Server and browser each cut text
 * into runs of letters and digits, so the marks fall on the words that made the hit.
 */
const FOLDS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd', đ: 'd', ł: 'l' };

export function foldWord(word: string): string {
  return word.toLowerCase().replace(/[æøœßþðđł]/g, (c) => FOLDS[c] ?? c).normalize('NFD').replace(/\p{M}+/gu, '');
}

export const queryWords = (q: string): string[] => (q.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map(foldWord).filter(Boolean);

export interface Segment { text: string; hit: boolean }

export function highlight(text: string, words: readonly string[]): Segment[] {
  const out: Segment[] = [];
  for (const part of text.split(/([\p{L}\p{N}\p{M}]+)/u)) {
    if (!part) continue;
    const hit = /[\p{L}\p{N}]/u.test(part) && words.some((w) => foldWord(part).startsWith(w));
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += part;
    else out.push({ text: part, hit });
  }
  return out;
}

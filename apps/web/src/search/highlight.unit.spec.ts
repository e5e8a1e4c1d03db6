import { describe, expect, it } from '@jest/globals';
import { foldWord, highlight, queryWords } from './highlight';

describe('search highlight', () => {
  it('marks the words that start with a query word, without case or accents, ø and æ as o and ae', () => {
    expect(highlight('Ungdom A', queryWords('ungd'))).toEqual([{ text: 'Ungdom', hit: true }, { text: ' A', hit: false }]);
    expect(highlight("Handler 'Menu-Man'", queryWords('menu-man'))).toEqual([
      { text: "Handler '", hit: false }, { text: 'Menu', hit: true }, { text: '-', hit: false }, { text: 'Man', hit: true }, { text: "'", hit: false },
    ]);
    expect(highlight('Vestre Fængsel (fictional entry)', queryWords('faengs'))).toEqual([
      { text: 'Vestre ', hit: false }, { text: 'Fængsel', hit: true }, { text: ' (fictional entry)', hit: false },
    ]);
    expect(highlight('Nørrebro', queryWords('Nörre'))).toEqual([{ text: 'Nørrebro', hit: true }]);
    expect(highlight('Operation Nordlys', queryWords('"NOT" nord*'))).toEqual([{ text: 'Operation ', hit: false }, { text: 'Nordlys', hit: true }]);
  });

  it('folds as the read model does', () => {
    expect(foldWord('Fjällräv')).toBe('fjallrav');
    expect(foldWord('Ærø')).toBe('aero');
    expect(queryWords('  ')).toEqual([]);
  });
});

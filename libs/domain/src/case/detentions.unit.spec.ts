import { describe, expect, it } from '@jest/globals';
import type { DetentionState } from './case.state.js';
import { Detentions } from './detentions.js';

/** What openDetentionOf answered before the index: the first open detention of the person, by scan. */
const scanned = (all: readonly DetentionState[], personId: string) => all.find((d) => d.open && d.personId === personId);

const detention = (detentionId: string, personId: string): DetentionState => ({
  detentionId, personId, holdingCountry: 'DK', detainedAt: '2024-08-01T00:00:00.000Z',
  nextCustodyReviewAt: '2024-09-01T00:00:00.000Z', open: true,
});

describe('Detentions', () => {
  it('finds a person’s open detention as the scan did, on random histories, including ones the decider never writes', () => {
    const persons = Array.from({ length: 12 }, (_, i) => `p-${i}`);
    let x = 5;
    const rnd = (n: number) => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % n;
    };
    let book = Detentions.empty();
    let recorded = 0;
    for (let step = 0; step < 1500; step++) {
      const person = persons[rnd(persons.length)];
      const known = `d-${rnd(recorded + 1)}`;
      switch (rnd(5)) {
        case 0: book = book.record(detention(`d-${recorded++}`, person)); break;
        // Recorded again under a known id (its place stays), possibly for another person.
        case 1: book = book.record(detention(known, person)); break;
        case 2: book = book.update(known, (d) => ({ ...d, open: false })); break;
        case 3: book = book.update(known, (d) => ({ ...d, nextCustodyReviewAt: '2024-10-01T00:00:00.000Z' })); break;
        default: book = book.update(known, (d) => ({ ...d, open: true })); break;
      }
      const all = [...book.values()];
      for (const p of persons) expect(book.openOf(p)).toBe(scanned(all, p));
    }
  });

  it('reads as the map of its detentions alone, in recording order', () => {
    const book = Detentions.empty().record(detention('d-2', 'p-1')).record(detention('d-1', 'p-2'))
      .update('d-2', (d) => ({ ...d, open: false }));
    expect([...book.keys()]).toEqual(['d-2', 'd-1']);
    expect(Object.fromEntries(book.entries())).toEqual({
      'd-2': { ...detention('d-2', 'p-1'), open: false },
      'd-1': detention('d-1', 'p-2'),
    });
    expect(book.size).toBe(2);
    expect(book.openOf('p-1')).toBeUndefined();
    expect(book.openOf('p-2')?.detentionId).toBe('d-1');
  });
});

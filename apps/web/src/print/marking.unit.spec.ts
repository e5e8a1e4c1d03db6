import { describe, expect, it } from '@jest/globals';
import { describeMarking, strictest } from './marking';

describe('print marking', () => {
  it('takes the strictest handling code of a list', () => {
    expect(strictest(['H0', 'H2', 'H1'])).toBe('H2');
    expect(strictest(['H3', 'H0'])).toBe('H3');
    expect(strictest([])).toBeUndefined();
  });

  it('marks a case by its code and text, a list by its strictest code, figures as H1', () => {
    expect(describeMarking({ kind: 'case', caseId: 'c', title: 'Operation X', code: 'H3', text: 'Ask SE first' }, 'Case'))
      .toEqual({ code: 'H3', line: 'Handling: Ask SE first', subject: 'Operation X', caseId: 'c' });
    expect(describeMarking({ kind: 'list', codes: ['H0', 'H2'], subject: 'Cases' }, 'Cases')).toMatchObject({ code: 'H2', subject: 'Cases' });
    expect(describeMarking({ kind: 'list', codes: ['H3'], subject: 'Search' }, 'Search').line).toMatch(/H3 material/);
    expect(describeMarking({ kind: 'list', codes: [], subject: 'Search: x' }, 'Search')).toMatchObject({ code: 'H1', line: expect.stringMatching(/no case shown/) });
    expect(describeMarking(undefined, 'Platforms')).toMatchObject({ code: 'H1', subject: 'Platforms' });
    expect(describeMarking({ kind: 'figures', subject: 'Overview' }, 'Overview').line).toMatch(/figures only/);
  });

  it('lets case-level parts of a view of figures raise its marking', () => {
    expect(describeMarking(undefined, 'Overview', ['H2', 'H0'])).toMatchObject({ code: 'H2', subject: 'Overview' });
    expect(describeMarking({ kind: 'case', caseId: 'c', title: 'T', code: 'H1', text: null }, 'Case', ['H3']).code).toBe('H1');
  });
});

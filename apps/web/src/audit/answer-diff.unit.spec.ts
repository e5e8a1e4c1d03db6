import { describe, expect, it } from '@jest/globals';
import { changedFields, diffItems, itemKey, noteFor } from './answer-diff';

describe('answer then and now', () => {
  it('matches items by their id and names what changed, vanished or came', () => {
    const then = [
      { kind: 'person', refId: 'p-a', caseId: 'c-1', label: 'Ungdom A' },
      { kind: 'handler', refId: 'h-1', caseId: 'c-1', label: 'Klippet', also: ['tiktok'] },
      { kind: 'person', refId: 'p-b', caseId: 'c-2', label: 'Ungdom B' },
    ];
    const now = [
      { kind: 'handler', refId: 'h-1', caseId: 'c-1', label: 'Klippet', also: ['tiktok', 'telegram'] },
      { kind: 'person', refId: 'p-a', caseId: 'c-1', label: 'Ungdom A' },
      { kind: 'detention', refId: 'd-9', caseId: 'c-1', label: 'Vestre' },
    ];
    const d = diffItems(then, now);
    expect([...d.gone]).toEqual(['person:p-b']);
    expect(d.added).toEqual([now[2]]);
    expect([...d.changed]).toEqual([['handler:h-1', ['also']]]);
    expect(noteFor(d, 'handler:h-1')).toBe('changed since: also');
    expect(noteFor(d, 'person:p-b')).toBe('no longer in the answer now');
    expect(noteFor(d, 'person:p-a')).toBeUndefined();
  });

  it('keys by the most specific id an item carries', () => {
    expect(itemKey({ caseId: 'c-1', detentionId: 'd-1' })).toBe('d-1');
    expect(itemKey({ caseId: 'c-1', title: 'x' })).toBe('c-1');
    expect(itemKey({ entryId: 'e', caseIds: ['c'] })).toBe('e');
    expect(changedFields({ a: 1, b: [1] }, { a: 1, b: [1, 2], c: null })).toEqual(['b', 'c']);
  });
});

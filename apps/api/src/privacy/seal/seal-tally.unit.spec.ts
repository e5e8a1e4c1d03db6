import { describe, expect, it } from '@jest/globals';
import { CopyTally, StoreTally, tallyMismatches } from './seal-tally.js';

const none = { plain: 0, sealed: 0 };

function copied(): CopyTally {
  const tally = new CopyTally();
  tally.record('case-a', 0, 'old-a0', 'new-a0', { plain: 2, sealed: 0 });
  tally.record('case-b', 0, 'old-b0', 'new-b0', none);
  tally.record('case-a', 1, 'old-a1', 'new-a1', { plain: 1, sealed: 1 });
  return tally;
}

describe('CopyTally', () => {
  it('given events copied in $all order, then each stream chains on its own last new hash and the totals add up', () => {
    const tally = copied();
    expect(tally.prevOf('case-a')).toBe('new-a1');
    expect(tally.prevOf('case-b')).toBe('new-b0');
    expect(tally.prevOf('case-new')).toBeNull();
    expect(tally.streams.get('case-a')).toEqual({ events: 2, lastRevision: 1, oldHead: 'old-a1', newHead: 'new-a1' });
    expect(tally.totals).toEqual({ events: 3, eventsWithPersonalData: 2, fieldsSealed: 3, fieldsAlreadySealed: 1 });
  });

  it('given events of types the policy does not list, then they are counted per type', () => {
    const tally = copied();
    tally.unknownType('CaseDataAccessed');
    tally.unknownType('CaseDataAccessed');
    tally.unknownType('FromANewerVersion');
    expect([...tally.notInPolicy]).toEqual([['CaseDataAccessed', 2], ['FromANewerVersion', 1]]);
  });

  it('given a revision that does not follow on, then it throws instead of chaining a gap', () => {
    const tally = copied();
    expect(() => tally.record('case-a', 3, 'x', 'y', none)).toThrow('revision 3 copied where 2 was due');
    expect(() => tally.record('case-c', 1, 'x', 'y', none)).toThrow('revision 1 copied where 0 was due');
  });
});

describe('tallyMismatches', () => {
  const found = (rows: [string, string][]) => {
    const t = new StoreTally();
    for (const [stream, hash] of rows) t.add(stream, hash);
    return t;
  };

  it('given the new store holds what the copy wrote, then there is nothing to report', () => {
    expect(tallyMismatches(copied(), found([['case-a', 'new-a0'], ['case-b', 'new-b0'], ['case-a', 'new-a1']]))).toEqual([]);
  });

  it('given a missing event, a missing stream or another head hash, then each is named', () => {
    expect(tallyMismatches(copied(), found([['case-a', 'new-a0'], ['case-b', 'new-b0']]))).toEqual([
      'total events: copied 3, found 2',
      'stream case-a: copied 2 events, found 1',
    ]);
    expect(tallyMismatches(copied(), found([['case-a', 'new-a0'], ['case-a', 'new-a1']]))).toEqual([
      'total events: copied 3, found 2',
      'streams: copied 2, found 1',
      'stream case-b: missing in the new store',
    ]);
    expect(tallyMismatches(copied(), found([['case-a', 'new-a0'], ['case-b', 'new-b0'], ['case-a', 'forged']]))).toEqual([
      'stream case-a: head hash differs from the one the copy computed',
    ]);
  });
});

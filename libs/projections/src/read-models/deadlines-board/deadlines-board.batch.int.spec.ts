// The board rows are derived once per batch for each item the batch touched (deadlines-board.items.ts);
// that they equal deriving after every event is the projection contract's (pages of 1 event … all).
import { describe, expect, it } from '@jest/globals';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { deadlinesBoardProjection } from './deadlines-board.projection.js';
import { deadlinesBoard } from './deadlines-board.queries.js';

const NOW = '2024-10-10T12:00:00.000Z';

function busyDetention(log: EventLog): void {
  log.add('CaseOpened', { caseId: 'c-1', ownerCountry: 'SE', title: 'T', offenceCategory: 'explosives', handlingCode: 'H1', openedBy: 'o' });
  log.add('CaseSharedWith', { caseId: 'c-1', partnerCountry: 'DK', level: 'read' });
  log.add('DetentionRecorded', { caseId: 'c-1', detentionId: 'd-1', personId: 'p-1', holdingCountry: 'DK', facility: 'F',
    detainedAt: '2024-10-01T08:00:00.000Z', legalBasis: 'x', nextCustodyReviewAt: '2024-10-10T09:00:00.000Z' });
  for (const day of [11, 12, 13, 14]) {
    log.add('CustodyExtended', { caseId: 'c-1', detentionId: 'd-1', nextCustodyReviewAt: `2024-10-${day}T09:00:00.000Z` });
  }
  log.add('CaseSharedWith', { caseId: 'c-1', partnerCountry: 'NO', level: 'read' });
}

/** Records every run of a statement that writes board rows or day counts. */
function countBoardWrites(rm: ReturnType<typeof memoryInstance>): string[] {
  const writes: string[] = [];
  const stmt = rm.rm.stmt.bind(rm.rm);
  rm.rm.stmt = (sql) => {
    const s = stmt(sql);
    if (!/^\s*(INSERT|DELETE|UPDATE)[^(]*\b(dl_board|dl_days)\b/i.test(sql)) return s;
    return { run: (...args: unknown[]) => (writes.push(sql), s.run(...args)) } as unknown as typeof s;
  };
  return writes;
}

describe('deadlines board: derived once per batch', () => {
  it('a detention recorded, extended four times and shared twice in one page writes its board rows once', () => {
    const log = new EventLog();
    busyDetention(log);
    const rm = memoryInstance(deadlinesBoardProjection);
    const writes = countBoardWrites(rm);
    applyInPages(rm, log.events);
    // One row per viewer (SE, DK, NO) on the board, one day count each: deriving after every event wrote 56.
    expect(writes).toHaveLength(6);
    for (const country of ['SE', 'DK', 'NO']) {
      const board = deadlinesBoard(rm.db, { country }, { now: NOW });
      expect([country, board.items.map((i) => i.dueAt), board.counts]).toEqual(
        [country, ['2024-10-14T09:00:00.000Z'], { overdue: 0, next_8h: 0, next_3d: 0, later: 1 }]);
    }
    rm.close();
  });

  it('an item whose due time, viewers and roles come out the same keeps its board rows', () => {
    const log = new EventLog();
    busyDetention(log);
    const rm = memoryInstance(deadlinesBoardProjection);
    applyInPages(rm, log.events);
    const before = rm.db.prepare('SELECT * FROM dl_board ORDER BY country').all();
    // Shared with FI and revoked again in one page: the case's items are derived again, to the same rows.
    log.add('CaseSharedWith', { caseId: 'c-1', partnerCountry: 'FI', level: 'read' });
    log.add('CaseSharingRevoked', { caseId: 'c-1', partnerCountry: 'FI' });
    const writes = countBoardWrites(rm);
    applyInPages(rm, log.events.slice(-2));
    expect(writes).toEqual([]);
    expect(rm.db.prepare('SELECT * FROM dl_board ORDER BY country').all()).toEqual(before);
    rm.close();
  });
});

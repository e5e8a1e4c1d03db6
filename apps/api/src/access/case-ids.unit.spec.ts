import { describe, expect, it } from '@jest/globals';
import { caseIdsOf, referralIdsOf, requestIdsOf, resultCountOf } from './case-ids.js';

// What an access record says an answer disclosed: taken from the answer itself, never the request.

const CASE_A = '0b0e4d6e-1c2a-4f3b-8a9c-000000000001';
const CASE_B = '0b0e4d6e-1c2a-4f3b-8a9c-000000000002';
const REF_1 = '6f0f7a7e-0000-8000-8000-000000000001';
const REF_2 = '6f0f7a7e-0000-8000-8000-000000000002';

describe('referralIdsOf', () => {
  it('takes a detail\'s referralId, with or without a linked case', () => {
    expect(referralIdsOf({ referralId: REF_1, caseId: null, locator: 'https://x.example/1' })).toEqual([REF_1]);
    expect(caseIdsOf({ referralId: REF_1, caseId: null })).toEqual([]);
    expect(caseIdsOf({ referralId: REF_1, caseId: CASE_A })).toEqual([CASE_A]);
  });

  it('takes every list item\'s referralId once, in answer order, and the cases only where linked', () => {
    const page = { items: [{ referralId: REF_2, caseId: CASE_A }, { referralId: REF_1, caseId: null }, { referralId: REF_2, caseId: CASE_A }], nextCursor: 'x' };
    expect(referralIdsOf(page)).toEqual([REF_2, REF_1]);
    expect(caseIdsOf(page)).toEqual([CASE_A]);
    expect(resultCountOf(page)).toBe(3);
  });

  it('takes referralIds lists (access-log entries read by a supervisor) beside caseIds', () => {
    const entries = { items: [{ entryId: 'e1', caseIds: [CASE_B], referralIds: [REF_1] }, { entryId: 'e2', caseIds: [], referralIds: [REF_1, REF_2] }] };
    expect(referralIdsOf(entries)).toEqual([REF_1, REF_2]);
    expect(caseIdsOf(entries)).toEqual([CASE_B]);
  });

  it('finds nothing in aggregates, empty answers and non-string ids', () => {
    expect(referralIdsOf({ rows: [], platformTotals: [], byReferringCountry: [] })).toEqual([]);
    expect(referralIdsOf({ actionDayId: 'd', referred: 7 })).toEqual([]);
    expect(referralIdsOf(null)).toEqual([]);
    expect(referralIdsOf(undefined)).toEqual([]);
    expect(referralIdsOf({ items: [{ referralId: 7 }, null, [REF_1], { referralIds: [1, REF_2] }] })).toEqual([REF_2]);
    expect(resultCountOf(null)).toBe(0);
  });
});

describe('requestIdsOf', () => {
  const REQ_1 = '9a1c0e5b-0000-4000-8000-000000000001';
  const REQ_2 = '9a1c0e5b-0000-4000-8000-000000000002';

  it('takes a request detail\'s requestId, and its case only where linked', () => {
    expect(requestIdsOf({ requestId: REQ_1, caseId: null, steps: [] })).toEqual([REQ_1]);
    expect(caseIdsOf({ requestId: REQ_1, caseId: CASE_A })).toEqual([CASE_A]);
  });

  it('takes register items once each, and skips the board\'s custody rows (requestId null)', () => {
    const board = { items: [{ kind: 'request', requestId: REQ_2, caseId: null }, { kind: 'custody-review', requestId: null, caseId: CASE_A }, { kind: 'request', requestId: REQ_2 }], counts: {} };
    expect(requestIdsOf(board)).toEqual([REQ_2]);
    expect(caseIdsOf(board)).toEqual([CASE_A]);
  });

  it('takes requestIds lists of access-log entries; nothing from statistics', () => {
    expect(requestIdsOf({ items: [{ entryId: 'e1', requestIds: [REQ_1, REQ_2] }, { entryId: 'e2', referralIds: [REF_1] }] })).toEqual([REQ_1, REQ_2]);
    expect(requestIdsOf({ year: 2026, country: 'SE', sent: 3, received: [] })).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { retentionReviewsProjection } from './retention-reviews.projection.js';
import { overdueUnrestricted, retentionReviewsDue, type RetentionPolicy } from './retention-reviews.queries.js';

const SE = { country: 'SE' };
const DK = { country: 'DK' };
const POLICY: RetentionPolicy = { defaults: { suspect: 36, victim: 12, witness: 12, contact: 12, convicted: 36 }, byCountry: { DK: { witness: 6 } } };

describeProjectionContract(retentionReviewsProjection);

describe('retention reviews read model', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog(10n);
    rm = memoryInstance(retentionReviewsProjection);
  });
  afterEach(() => rm.close());

  // Registered at 2024-09-01T08:0x (the EventLog's clock): suspects due 2027-09-01, witnesses 2025-09-01 (DK: 2025-03-01).
  function seed(): void {
    log.add('CaseOpened', { caseId: 'c-se', ownerCountry: 'SE', title: 'Rinkeby', offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' });
    log.add('CaseSharedWith', { caseId: 'c-se', partnerCountry: 'DK', level: 'read' });
    log.add('PersonRegistered', { caseId: 'c-se', personId: 'p-s', category: 'suspect', pseudonym: 'Suspect A', nationalities: [] });
    log.add('PersonRegistered', { caseId: 'c-se', personId: 'p-w', category: 'witness', name: 'Wit Ness', nationalities: [] });
    log.add('CaseOpened', { caseId: 'c-dk', ownerCountry: 'DK', title: 'Nørrebro', offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' }, 'DK');
    log.add('PersonRegistered', { caseId: 'c-dk', personId: 'p-w', category: 'witness', name: 'Vidne', nationalities: [] }, 'DK');
  }
  const due = (viewer: { country: string }, now: string, withinDays?: number) =>
    retentionReviewsDue(rm.db, viewer, { now, policy: POLICY, withinDays }).map((r) => [r.caseId, r.personId, r.reviewDueAt, r.status]);

  it('dates each review from registration by the owner country\'s period for the category, and lists only the owner\'s', () => {
    seed();
    applyInPages(rm, log.events, 2);
    expect(due(SE, '2025-08-15T00:00:00.000Z')).toEqual([['c-se', 'p-w', '2025-09-01T08:04:00.000Z', 'due']]);
    expect(due(SE, '2025-09-02T00:00:00.000Z', 0)).toEqual([['c-se', 'p-w', '2025-09-01T08:04:00.000Z', 'overdue']]);
    // DK sets six months for witnesses; DK does not see SE's reviews although SE shares the case with it.
    expect(due(DK, '2025-09-02T00:00:00.000Z', 0)).toEqual([['c-dk', 'p-w', '2025-03-01T08:06:00.000Z', 'overdue']]);
    expect(due(SE, '2027-09-02T00:00:00.000Z', 0).map((r) => r[1])).toEqual(['p-w', 'p-s']);
  });

  it('moves the review to keepUntil once reviewed, shows rectified names, and marks restricted persons', () => {
    seed();
    log.add('RetentionReviewed', { caseId: 'c-se', personId: 'p-w', keepUntil: '2026-06-01T00:00:00+02:00', reason: 'trial' });
    log.add('PersonalDataRectified', { caseId: 'c-se', personId: 'p-w', field: 'name', value: 'Vit Ness', reason: 'typo' });
    log.add('ProcessingRestricted', { caseId: 'c-se', personId: 'p-w', ground: 'kept-as-evidence', reason: 'evidence' });
    applyInPages(rm, log.events);
    const [review] = retentionReviewsDue(rm.db, SE, { now: '2026-05-30T00:00:00.000Z', policy: POLICY });
    expect(review).toMatchObject({
      personId: 'p-w', name: 'Vit Ness', reviewDueAt: '2026-05-31T22:00:00.000Z', status: 'due', reviewedAt: log.events[6].metadata.occurredAt,
      restriction: { ground: 'kept-as-evidence', since: log.events[8].metadata.occurredAt },
    });
    expect(overdueUnrestricted(rm.db, { now: '2026-07-01T00:00:00.000Z', policy: POLICY, limit: 10 })).toEqual([
      { caseId: 'c-dk', personId: 'p-w', ownerCountry: 'DK' },
    ]);
  });

  it('gives the process manager overdue persons of every owner, soonest first, leaving out the restricted', () => {
    seed();
    applyInPages(rm, log.events);
    expect(overdueUnrestricted(rm.db, { now: '2025-09-02T00:00:00.000Z', policy: POLICY, limit: 10 })).toEqual([
      { caseId: 'c-dk', personId: 'p-w', ownerCountry: 'DK' }, { caseId: 'c-se', personId: 'p-w', ownerCountry: 'SE' },
    ]);
    log.add('ProcessingRestricted', { caseId: 'c-dk', personId: 'p-w', ground: 'retention-review-overdue', reason: 'overdue' }, 'DK');
    applyInPages(rm, log.events.slice(-1));
    expect(overdueUnrestricted(rm.db, { now: '2025-09-02T00:00:00.000Z', policy: POLICY, limit: 10 }).map((r) => r.caseId)).toEqual(['c-se']);
  });

  it('refuses a window it cannot use and an empty policy (400s, not 500s)', () => {
    expect(() => retentionReviewsDue(rm.db, SE, { now: '2025-01-01T00:00:00Z', policy: POLICY, withinDays: -1 })).toThrow(RangeError);
    expect(() => retentionReviewsDue(rm.db, SE, { now: '2025-01-01T00:00:00Z', policy: { defaults: {}, byCountry: {} } })).toThrow(RangeError);
  });
});

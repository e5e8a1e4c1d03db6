import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { generateWorkload } from '../../testing/workload.js';
import { InvalidCursor } from '../shared/read-model-helpers.js';
import { casesProjection } from './cases.projection.js';
import { caseDetail, listCases, type CaseSummary } from './cases.queries.js';

const SE = { country: 'SE' };
const DK = { country: 'DK' };
const ev = { source: 'B', information: 2 } as const;

function fullCase(log: EventLog, caseId = 'c-1'): void {
  log.add('CaseOpened', { caseId, ownerCountry: 'SE', title: 'Shooting in Rinkeby', offenceCategory: 'attempted-homicide',
    handlingCode: 'H3', handlingText: 'Not to courts before 2025', openedBy: 'officer-se' });
  log.add('CaseSharedWith', { caseId, partnerCountry: 'DK', level: 'contribute' });
  log.add('CaseSharedWith', { caseId, partnerCountry: 'NO', level: 'read' });
  log.add('PersonRegistered', { caseId, personId: 'p-1', category: 'suspect', pseudonym: 'Suspect A', birthYear: 2008,
    nationalities: [{ country: 'SE', evaluation: ev }, { country: 'IQ', evaluation: ev }] });
  log.add('NationalityRetracted', { caseId, personId: 'p-1', country: 'IQ', reason: 'passport was forged' });
  log.add('NationalityRecorded', { caseId, personId: 'p-1', country: 'SE', evaluation: { source: 'A', information: 1 } });
  log.add('DetentionRecorded', { caseId, detentionId: 'd-1', personId: 'p-1', holdingCountry: 'DK', facility: 'Vestre Fængsel',
    detainedAt: '2024-08-13T01:40:00+02:00', legalBasis: '§ 762', nextCustodyReviewAt: '2024-09-09T09:00:00.000Z' }, 'DK');
  log.add('CustodyExtended', { caseId, detentionId: 'd-1', nextCustodyReviewAt: '2024-10-07T09:00:00.000Z' }, 'DK');
  log.add('HandlerAbroadIdentified', { caseId, handlerId: 'h-1', alias: 'Kungen', believedCountry: 'TR', platforms: ['telegram', 'tiktok'], evaluation: ev });
  log.add('HandlerLinkedToPerson', { caseId, handlerId: 'h-1', personId: 'p-1', relation: 'recruited' });
  log.add('HandlerLinkedToPerson', { caseId, handlerId: 'h-1', personId: 'p-1', relation: 'paid' });
  log.add('HandlerLocationUpdated', { caseId, handlerId: 'h-1', believedCountry: 'IQ', evaluation: { source: 'A', information: 2 } });
  log.add('ExtraditionRequested', { caseId, extraditionId: 'x-1', personId: 'p-1', requestingCountry: 'SE', requestedCountry: 'DK',
    route: 'nordic-arrest-warrant', sentAt: '2024-08-14T08:00:00.000Z' });
  log.add('ExtraditionStageReached', { caseId, extraditionId: 'x-1', stage: 'arrested', reachedAt: '2024-08-14T10:00:00.000Z',
    deadlineAt: '2024-09-13T10:00:00.000Z', deadlineFor: 'decision' }, 'DK');
  log.add('ExtraditionDecided', { caseId, extraditionId: 'x-1', outcome: 'granted', grounds: 'NAW', decidedAt: '2024-08-30T10:00:00.000Z' }, 'DK');
  log.add('CaseClosed', { caseId, reason: 'Handed to prosecutor' });
}

describe('cases read model', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog(100n);
    rm = memoryInstance(casesProjection);
  });
  afterEach(() => rm.close());

  it('answers the case detail with people, nationalities, detentions, handlers, extraditions and sharing', () => {
    fullCase(log);
    applyInPages(rm, log.events, 4);
    const detail = caseDetail(rm.db, SE, 'c-1');
    expect(detail).toEqual({
      caseId: 'c-1', handlingCode: 'H3', handlingText: 'Not to courts before 2025', ownerCountry: 'SE', title: 'Shooting in Rinkeby',
      offenceCategory: 'attempted-homicide', status: 'closed', statusReason: 'Handed to prosecutor',
      openedAt: log.events[0].metadata.occurredAt, openedBy: 'officer-se', lastEventAt: log.events[15].metadata.occurredAt,
      revision: 15, lastPosition: '115', access: 'owner',
      sharing: [{ country: 'DK', level: 'contribute' }, { country: 'NO', level: 'read' }],
      persons: [{ personId: 'p-1', category: 'suspect', name: null, pseudonym: 'Suspect A', birthYear: 2008,
        nationalities: [{ country: 'SE', evaluation: { source: 'A', information: 1 } }],
        retractedNationalities: [{ country: 'IQ', reason: 'passport was forged', retractedAt: log.events[4].metadata.occurredAt }] }],
      detentions: [{ detentionId: 'd-1', personId: 'p-1', holdingCountry: 'DK', facility: 'Vestre Fængsel', legalBasis: '§ 762',
        detainedAt: '2024-08-12T23:40:00.000Z', nextCustodyReviewAt: '2024-10-07T09:00:00.000Z', status: 'open', endedAt: null, outcome: null }],
      handlers: [{ handlerId: 'h-1', alias: 'Kungen', believedCountry: 'IQ', platforms: ['telegram', 'tiktok'],
        evaluation: { source: 'A', information: 2 }, linkedPersons: [{ personId: 'p-1', relations: ['paid', 'recruited'] }] }],
      extraditions: [{ extraditionId: 'x-1', personId: 'p-1', route: 'nordic-arrest-warrant', requestingCountry: 'SE', requestedCountry: 'DK',
        sentAt: '2024-08-14T08:00:00.000Z', consentedAt: null, consentDecisionDeadlineAt: null, currentStage: 'arrested',
        stages: [{ stage: 'arrested', reachedAt: '2024-08-14T10:00:00.000Z', deadlineAt: '2024-09-13T10:00:00.000Z', deadlineFor: 'decision' }],
        decision: { outcome: 'granted', grounds: 'NAW', decidedAt: '2024-08-30T10:00:00.000Z' }, surrenderedAt: null }],
    });
  });

  it('shows a partner only its own grant, and nothing once revoked or never shared', () => {
    fullCase(log);
    applyInPages(rm, log.events);
    expect(caseDetail(rm.db, DK, 'c-1')).toMatchObject({ access: 'contribute', sharing: [{ country: 'DK', level: 'contribute' }] });
    expect(caseDetail(rm.db, { country: 'FI' }, 'c-1')).toBeUndefined();
    expect(caseDetail(rm.db, SE, 'no-such-case')).toBeUndefined();
    log.add('CaseSharingRevoked', { caseId: 'c-1', partnerCountry: 'DK' });
    applyInPages(rm, log.events.slice(-1));
    expect(caseDetail(rm.db, DK, 'c-1')).toBeUndefined();
    expect(listCases(rm.db, DK).items).toEqual([]);
  });

  it('reopens, ends detentions and records surrender', () => {
    fullCase(log);
    log.add('CaseReopened', { caseId: 'c-1', reason: 'new witness' });
    log.add('DetentionEnded', { caseId: 'c-1', detentionId: 'd-1', outcome: 'surrendered', endedAt: '2024-09-02T10:00:00.000Z' });
    log.add('PersonSurrendered', { caseId: 'c-1', extraditionId: 'x-1', personId: 'p-1', surrenderedAt: '2024-09-02T10:00:00.000Z' });
    applyInPages(rm, log.events, 5);
    const d = caseDetail(rm.db, SE, 'c-1');
    expect(d).toMatchObject({ status: 'open', statusReason: 'new witness', revision: 18 });
    expect(d?.detentions[0]).toMatchObject({ status: 'ended', outcome: 'surrendered', endedAt: '2024-09-02T10:00:00.000Z' });
    expect(d?.extraditions[0].surrenderedAt).toBe('2024-09-02T10:00:00.000Z');
  });

  describe('listCases', () => {
    const workload = generateWorkload({ cases: 80, seed: 3 });
    /** Independent model: visibility and last position per case, straight from the events. */
    function expected(viewer: string, keep: (c: { status: string; owner: string; title: string }) => boolean = () => true): string[] {
      const cases = new Map<string, { access: Set<string>; last: bigint; status: string; owner: string; title: string }>();
      for (const e of workload.events) {
        const d = e.data as Record<string, string>;
        const c = cases.get(d.caseId) ?? { access: new Set<string>(), last: 0n, status: 'open', owner: d.ownerCountry, title: d.title };
        cases.set(d.caseId, c);
        c.last = e.position;
        if (e.type === 'CaseOpened') c.access.add(d.ownerCountry);
        if (e.type === 'CaseSharedWith') c.access.add(d.partnerCountry);
        if (e.type === 'CaseSharingRevoked') c.access.delete(d.partnerCountry);
        if (e.type === 'CaseClosed') c.status = 'closed';
        if (e.type === 'CaseReopened') c.status = 'open';
      }
      return [...cases.entries()].filter(([, c]) => c.access.has(viewer) && keep(c))
        .sort(([, a], [, b]) => (a.last > b.last ? -1 : 1)).map(([id]) => id);
    }
    function pageThrough(viewer: { country: string }, options: Parameters<typeof listCases>[2], limit: number): CaseSummary[] {
      const seen: CaseSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = listCases(rm.db, viewer, { ...options, limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    }

    it.each(['SE', 'DK', 'NO', 'FI'])('pages through exactly the cases %s may see, most recent first', (country) => {
      applyInPages(rm, workload.events, 500);
      const seen = pageThrough({ country }, {}, 7);
      expect(seen.map((c) => c.caseId)).toEqual(expected(country));
      expect(seen.length).toBeGreaterThan(0);
      for (const c of seen) expect(typeof c.handlingCode).toBe('string');
    });

    it('filters by status, owner country and title, case-insensitively and with LIKE wildcards escaped', () => {
      applyInPages(rm, workload.events);
      expect(pageThrough(SE, { status: 'closed' }, 5).map((c) => c.caseId)).toEqual(expected('SE', (c) => c.status === 'closed'));
      expect(pageThrough(DK, { ownerCountry: 'SE' }, 5).map((c) => c.caseId)).toEqual(expected('DK', (c) => c.owner === 'SE'));
      expect(pageThrough(SE, { q: 'SHOOTING' }, 5).map((c) => c.caseId))
        .toEqual(expected('SE', (c) => c.title.toLowerCase().includes('shooting')));
      expect(listCases(rm.db, SE, { q: '%' }).items).toEqual([]);
    });

    it('rejects a forged cursor and a bad limit', () => {
      applyInPages(rm, workload.events);
      expect(() => listCases(rm.db, SE, { cursor: 'not-a-cursor' })).toThrow(InvalidCursor);
      expect(() => listCases(rm.db, SE, { cursor: Buffer.from('["x","y"]').toString('base64url') })).toThrow(InvalidCursor);
      expect(() => listCases(rm.db, SE, { limit: 0 })).toThrow(RangeError);
    });
  });
});

describeProjectionContract(casesProjection);

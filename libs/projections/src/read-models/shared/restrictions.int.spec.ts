import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { casesProjection } from '../cases/cases.projection.js';
import { caseDetail } from '../cases/cases.queries.js';
import { detentionRegisterProjection } from '../detention-register/detention-register.projection.js';
import { currentDetentions, detentionCounts, detentionsOverTime } from '../detention-register/detention-register.queries.js';
import { handlersAbroadProjection } from '../handlers-abroad/handlers-abroad.projection.js';
import { listHandlers } from '../handlers-abroad/handlers-abroad.queries.js';
import { searchProjection } from '../search/search.projection.js';
import { search } from '../search/search.queries.js';

// LED Art. 16 across the read models that list or count persons: a restricted person is left out by
// default and shown, marked, with includeRestricted; lifting brings it back; a rectified name replaces
// the old one everywhere a copy is kept, and the case detail says when and by whom.

const DK = { country: 'DK' };
const ev = { source: 'B', information: 2 } as const;
const log = new EventLog(1n);
const caseId = 'c-1';
log.add('CaseOpened', { caseId, ownerCountry: 'SE', title: 'Rinkeby', offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' });
log.add('CaseSharedWith', { caseId, partnerCountry: 'DK', level: 'read' });
for (const [personId, name] of [['p-r', 'Qorvath Restricted'], ['p-k', 'Qorvath Kept']]) {
  log.add('PersonRegistered', { caseId, personId, category: 'suspect', name, nationalities: [{ country: 'SE', evaluation: ev }] });
  log.add('DetentionRecorded', { caseId, detentionId: `d-${personId}`, personId, holdingCountry: 'DK', facility: 'Vestre', detainedAt: '2024-08-01T00:00:00Z',
    legalBasis: '§ 762', nextCustodyReviewAt: '2024-10-01T00:00:00Z' }, 'DK');
}
log.add('HandlerAbroadIdentified', { caseId, handlerId: 'h-1', alias: 'Kungen', believedCountry: 'TR', platforms: ['telegram'], evaluation: ev });
log.add('HandlerLinkedToPerson', { caseId, handlerId: 'h-1', personId: 'p-r', relation: 'recruited' });
log.add('HandlerLinkedToPerson', { caseId, handlerId: 'h-1', personId: 'p-k', relation: 'paid' });
const restricted = log.add('ProcessingRestricted', { caseId, personId: 'p-r', ground: 'kept-as-evidence', reason: 'evidence' });
const rectified = log.add('PersonalDataRectified', { caseId, personId: 'p-k', field: 'name', value: 'Qorvath Corrected', reason: 'passport' });

describe('restricted and rectified persons in the read models', () => {
  const models = new Map<string, ProjectionInstance>();
  const db = (name: string) => models.get(name)!.db;
  beforeAll(() => {
    for (const p of [casesProjection, detentionRegisterProjection, handlersAbroadProjection, searchProjection]) {
      const instance = memoryInstance(p);
      applyInPages(instance, log.events, 3);
      models.set(p.name, instance);
    }
  });
  afterAll(() => models.forEach((m) => m.close()));

  it('the case detail withholds the restricted person and its detentions and links, and marks it when asked for', () => {
    const detail = caseDetail(db('cases'), DK, caseId)!;
    expect(detail.persons.map((p) => p.personId)).toEqual(['p-k']);
    expect(detail.detentions.map((d) => d.personId)).toEqual(['p-k']);
    expect(detail.handlers[0].linkedPersons.map((l) => l.personId)).toEqual(['p-k']);
    expect(detail.restrictedPersonsWithheld).toBe(1);
    const shown = caseDetail(db('cases'), DK, caseId, { includeRestricted: true })!;
    expect(shown.persons.map((p) => [p.personId, p.restriction])).toEqual([
      ['p-k', undefined], ['p-r', { ground: 'kept-as-evidence', since: restricted.metadata.occurredAt }],
    ]);
    expect(shown.restrictedPersonsWithheld).toBeUndefined();
  });

  it('the case detail shows the corrected name with when and by whom; other read models take the new name', () => {
    const person = caseDetail(db('cases'), DK, caseId)!.persons[0];
    expect(person).toMatchObject({ name: 'Qorvath Corrected', corrections: [
      { field: 'name', correctedAt: rectified.metadata.occurredAt, correctedBy: 'officer-se', correctedByCountry: 'SE' },
    ] });
    expect(currentDetentions(db('detention-register'), DK).items.map((d) => d.name)).toEqual(['Qorvath Corrected']);
    expect(listHandlers(db('handlers-abroad'), DK).items[0].linkedPersons.map((l) => l.name)).toEqual(['Qorvath Corrected']);
    expect(search(db('search'), DK, { q: 'corrected' }).items.map((h) => h.refId)).toEqual(['p-k']);
    expect(search(db('search'), DK, { q: 'Qorvath Kept' }).items).toEqual([]);
  });

  it('detention lists, counts and charts and search leave the restricted person out unless asked for', () => {
    const dr = db('detention-register');
    expect(currentDetentions(dr, DK).items.map((d) => d.personId)).toEqual(['p-k']);
    expect(currentDetentions(dr, DK, { includeRestricted: true }).items.find((d) => d.personId === 'p-r')?.restriction?.ground).toBe('kept-as-evidence');
    expect(detentionCounts(dr, DK)).toEqual([{ nationality: 'SE', holdingCountry: 'DK', count: 1 }]);
    expect(detentionCounts(dr, DK, { includeRestricted: true })).toEqual([{ nationality: 'SE', holdingCountry: 'DK', count: 2 }]);
    const at = { from: '2024-08-02T00:00:00Z', to: '2024-08-02T00:00:00Z', bucket: 'day' } as const;
    expect(detentionsOverTime(dr, DK, at)[0].open).toBe(1);
    expect(detentionsOverTime(dr, DK, { ...at, includeRestricted: true })[0].open).toBe(2);
    expect(search(db('search'), DK, { q: 'Qorvath' }).items.map((h) => h.refId)).toEqual(['p-k']);
    expect(search(db('search'), DK, { q: 'Qorvath', includeRestricted: true }).items.map((h) => h.refId).sort()).toEqual(['p-k', 'p-r']);
  });

  it('lifting the restriction brings the person back everywhere', () => {
    const lifted = [new EventLog(100n).add('RestrictionLifted', { caseId, personId: 'p-r', reason: 'trial over' })];
    for (const m of models.values()) m.apply(lifted);
    expect(caseDetail(db('cases'), DK, caseId)!.persons).toHaveLength(2);
    expect(detentionCounts(db('detention-register'), DK)[0].count).toBe(2);
    expect(listHandlers(db('handlers-abroad'), DK).items[0].linkedPersons).toHaveLength(2);
    expect(search(db('search'), DK, { q: 'Qorvath' }).items).toHaveLength(2);
  });
});

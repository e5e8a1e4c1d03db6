import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { generateWorkload } from '../../testing/workload.js';
import { handlersAbroadProjection } from './handlers-abroad.projection.js';
import { handlerCountsByCountry, listHandlers, type HandlerEntry } from './handlers-abroad.queries.js';

const SE = { country: 'SE' };
const ev = { source: 'B', information: 3 } as const;

function scenario(log: EventLog): void {
  log.add('CaseOpened', { caseId: 'c-1', ownerCountry: 'SE', title: 'Recruitment via Telegram', offenceCategory: 'homicide',
    handlingCode: 'H3', handlingText: 'Source protection', openedBy: 'o' });
  log.add('PersonRegistered', { caseId: 'c-1', personId: 'p-1', category: 'suspect', pseudonym: 'Boy 15', birthYear: 2009, nationalities: [] });
  log.add('PersonRegistered', { caseId: 'c-1', personId: 'p-2', category: 'victim', name: 'V. Ictim', nationalities: [] });
  log.add('HandlerAbroadIdentified', { caseId: 'c-1', handlerId: 'h-1', alias: 'Kungen', believedCountry: 'TR', platforms: ['telegram', 'tiktok'], evaluation: ev });
  log.add('HandlerLinkedToPerson', { caseId: 'c-1', handlerId: 'h-1', personId: 'p-1', relation: 'recruited' });
  log.add('HandlerLinkedToPerson', { caseId: 'c-1', handlerId: 'h-1', personId: 'p-1', relation: 'paid' });
  log.add('HandlerLinkedToPerson', { caseId: 'c-1', handlerId: 'h-1', personId: 'p-2', relation: 'instructed' });
  log.add('HandlerAbroadIdentified', { caseId: 'c-1', handlerId: 'h-2', alias: 'Greken', believedCountry: 'CY', platforms: ['snapchat'], evaluation: ev });
  log.add('CaseOpened', { caseId: 'c-2', ownerCountry: 'DK', title: 'Shooting Nørrebro', offenceCategory: 'homicide', handlingCode: 'H0', openedBy: 'o' }, 'DK');
  log.add('HandlerAbroadIdentified', { caseId: 'c-2', handlerId: 'h-1', alias: 'Kungen', believedCountry: 'TR', platforms: ['telegram'], evaluation: ev }, 'DK');
  log.add('HandlerLocationUpdated', { caseId: 'c-1', handlerId: 'h-1', believedCountry: 'IQ', evaluation: { source: 'A', information: 2 } });
}

describe('handlers abroad', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(handlersAbroadProjection);
    scenario(log);
  });
  afterEach(() => rm.close());

  it('lists handlers with their latest location, platforms, evaluation and linked persons', () => {
    applyInPages(rm, log.events, 2);
    expect(listHandlers(rm.db, SE).items).toEqual([
      { caseId: 'c-1', handlingCode: 'H3', handlingText: 'Source protection', caseTitle: 'Recruitment via Telegram', handlerId: 'h-1',
        alias: 'Kungen', believedCountry: 'IQ', platforms: ['telegram', 'tiktok'], evaluation: { source: 'A', information: 2 },
        linkedPersons: [
          { personId: 'p-1', category: 'suspect', name: null, pseudonym: 'Boy 15', relations: ['paid', 'recruited'] },
          { personId: 'p-2', category: 'victim', name: 'V. Ictim', pseudonym: null, relations: ['instructed'] },
        ] },
      { caseId: 'c-1', handlingCode: 'H3', handlingText: 'Source protection', caseTitle: 'Recruitment via Telegram', handlerId: 'h-2',
        alias: 'Greken', believedCountry: 'CY', platforms: ['snapchat'], evaluation: ev, linkedPersons: [] },
    ]);
  });

  it('filters by believed country and platform, and counts per country only what the viewer may see', () => {
    applyInPages(rm, log.events);
    expect(listHandlers(rm.db, SE, { believedCountry: 'TR' }).items).toEqual([]);
    expect(listHandlers(rm.db, SE, { platform: 'snapchat' }).items.map((h) => h.handlerId)).toEqual(['h-2']);
    expect(listHandlers(rm.db, SE, { platform: 'telegram' }).items.map((h) => h.handlerId)).toEqual(['h-1']);
    expect(handlerCountsByCountry(rm.db, SE)).toEqual([{ believedCountry: 'CY', count: 1 }, { believedCountry: 'IQ', count: 1 }]);
    expect(handlerCountsByCountry(rm.db, { country: 'DK' })).toEqual([{ believedCountry: 'TR', count: 1 }]);
    log.add('CaseSharedWith', { caseId: 'c-2', partnerCountry: 'SE', level: 'read' }, 'DK');
    applyInPages(rm, log.events.slice(-1));
    expect(handlerCountsByCountry(rm.db, SE)).toEqual([
      { believedCountry: 'CY', count: 1 }, { believedCountry: 'IQ', count: 1 }, { believedCountry: 'TR', count: 1 },
    ]);
    expect(listHandlers(rm.db, SE, { believedCountry: 'TR' }).items).toMatchObject([{ caseId: 'c-2', handlingCode: 'H0', handlingText: null }]);
  });

  it('pages through many handlers without gaps or repeats', () => {
    const workload = generateWorkload({ cases: 150, seed: 5 });
    applyInPages(rm, workload.events, 300);
    const all = listHandlers(rm.db, SE, { limit: 500 }).items;
    const paged: HandlerEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = listHandlers(rm.db, SE, { limit: 3, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
    expect(handlerCountsByCountry(rm.db, SE).reduce((n, r) => n + r.count, 0)).toBe(all.length);
  });
});

describeProjectionContract(handlersAbroadProjection);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseStreamId } from '@liaison/domain';
import { SqliteEventStore, StateCache, type EventStore, type ReadStreamOptions, type RecordedEvent } from '@liaison/event-store';
import { CaseLinks } from './case-links.js';

const CASE_ID = 'c-long';
const event = (type: string, data: object) => ({ type, data: { caseId: CASE_ID, ...data }, metadata: {} });

/** Counts the events reads return, to show what a link check reads. */
function counting(store: EventStore): EventStore & { read: number } {
  const counted = Object.create(store) as EventStore & { read: number };
  counted.read = 0;
  counted.readStream = async (streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> => {
    const events = await store.readStream(streamId, options);
    counted.read += events.length;
    return events;
  };
  return counted;
}

describe('CaseLinks on a long case', () => {
  let dir: string;
  let inner: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'liaison-links-'));
    inner = SqliteEventStore.open(path.join(dir, 'events.db'));
    const persons = Array.from({ length: 300 }, (_, i) => event('PersonRegistered', { personId: `p-${i}`, category: 'suspect', nationalities: [] }));
    await inner.append(caseStreamId(CASE_ID), [
      event('CaseOpened', { ownerCountry: 'SE', title: 't', offenceCategory: 'other', handlingCode: 'H2', openedBy: 'o' }),
      event('CaseSharedWith', { partnerCountry: 'DK', level: 'contribute' }),
      ...persons,
    ], { expectedRevision: 'no_stream' });
  });
  afterAll(async () => {
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the whole case once, then only what it got since, and still sees every change', async () => {
    const store = counting(inner);
    const links = new CaseLinks(store, new StateCache<unknown>());
    expect(await links.contributable('DK', CASE_ID)).toMatchObject({ caseId: CASE_ID });
    expect(store.read).toBe(302);
    expect(await links.contributable('DK', CASE_ID)).toMatchObject({ caseId: CASE_ID });
    expect(store.read).toBe(302);
    await inner.append(caseStreamId(CASE_ID), [event('CaseSharingRevoked', { partnerCountry: 'DK' })], { expectedRevision: 301n });
    expect(await links.contributable('DK', CASE_ID)).toBeUndefined();
    expect(store.read).toBe(303);
    expect(await links.contributable('SE', CASE_ID)).toMatchObject({ caseId: CASE_ID });
  });
});

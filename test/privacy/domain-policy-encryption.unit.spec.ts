import { describe, expect, it } from '@jest/globals';
import type { JsonObject } from '../../libs/event-store/src/event-store.port.js';
import { decryptEvents, encryptEvents, type EventData } from '../../libs/event-store/src/privacy/event-data-crypto.js';
import { InMemoryKeyStore } from '../../libs/event-store/src/privacy/memory-key-store.js';
import { PERSONAL_DATA_POLICY } from '../../libs/domain/src/personal-data.js';
import { caseOpened, detentionRecorded, handlerIdentified, personRegistered } from '../../libs/domain/src/testing/case.fixtures.js';

// The domain's policy table driving the store's encryption, on the domain's own fixtures: the pairing
// the command path will use (ADR 19), checked end to end before it is wired in.

const named = { ...personRegistered, data: { ...personRegistered.data, name: 'Ali Hassan' } };
const events: EventData[] = [caseOpened, named, detentionRecorded, handlerIdentified].map((e, i) => ({ id: `e-${i}`, type: e.type, data: e.data as JsonObject }));

describe('the domain policy through the store\'s encryption', () => {
  it('given the case fixtures, then no personal value is left in the stored JSON, and reading gives them back', async () => {
    const keys = new InMemoryKeyStore();
    const stored = await encryptEvents(PERSONAL_DATA_POLICY, keys, events);
    const json = JSON.stringify(stored);
    for (const secret of ['Ali Hassan', 'Suspect A', '2008', 'Kungen', 'Nørrebro']) expect(json).not.toContain(secret);
    expect(json).toContain('Vestre Fængsel'); // reviewed plain: a facility, not a person
    expect([...keys.keys.keys()].sort()).toEqual(['case:c-2024-0815', 'handler:h-1', 'person:p-1']);
    expect(await decryptEvents(keys, stored)).toEqual(events);
  });

  it('given the person erased, then only the person\'s fields read as erased; the case title and the handler still read', async () => {
    const keys = new InMemoryKeyStore();
    const stored = await encryptEvents(PERSONAL_DATA_POLICY, keys, events);
    await keys.destroy('person:p-1', { eventId: 'e-erasure', erasedAt: '2026-12-06T12:00:00.000Z' });
    const [opened, person, , handler] = await decryptEvents(keys, stored);
    expect(person.data).toMatchObject({
      personId: 'p-1', category: 'suspect',
      name: { $redacted: 'erased', s: 'person:p-1' }, pseudonym: { $redacted: 'erased' }, birthYear: { $redacted: 'erased' },
    });
    expect(opened.data.title).toBe(caseOpened.data.title);
    expect(handler.data.alias).toBe('Kungen');
  });
});

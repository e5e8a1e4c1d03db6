import { describe, expect, it } from '@jest/globals';
import type { JsonObject } from '../event-store.port.js';
import { chainEvents, eventHash, chainOf } from '../hash-chain.js';
import { isEnvelope } from './envelope.js';
import { decryptEvents, encryptEvents, isRedacted, redactionsAsText, type EventData } from './event-data-crypto.js';
import type { PersonalDataPolicy } from './field-policy.js';
import { InMemoryKeyStore } from './memory-key-store.js';
import { EnvelopeTampered } from './privacy.errors.js';

const policy: PersonalDataPolicy = {
  PersonRegistered: [
    { path: 'name', subject: (d) => `person:${d.personId}` },
    { path: 'pseudonym', subject: (d) => `person:${d.personId}` },
    { path: 'birthYear', subject: (d) => `person:${d.personId}` },
  ],
  RequestRefused: [{ path: 'grounds.*.reason', subject: (d) => `request:${d.requestId}` }],
  CaseSharedWith: [],
};

const registered = (id: string, personId: string, data: JsonObject = {}): EventData => ({
  id, type: 'PersonRegistered',
  data: { caseId: 'c-1', personId, category: 'suspect', pseudonym: `Suspect ${personId}`, birthYear: 2008, nationalities: [{ country: 'SE' }], ...data },
});
const refused: EventData = {
  id: 'e-refused', type: 'RequestRefused',
  data: { requestId: 'r-1', grounds: [{ ground: 'f', reason: 'would jeopardise the investigation of N.N.' }, { ground: 'g', reason: 'minor' }], partial: false },
};
const meta = { actor: 'officer-dk', country: 'DK' };

describe('encryptEvents / decryptEvents', () => {
  it('given events with personal fields, then exactly those become envelopes, the input is untouched, and decrypting gives them back', async () => {
    const keys = new InMemoryKeyStore();
    const input: EventData[] = [registered('e-1', 'p-1', { name: 'Ali Hassan' }), refused, { id: 'e-share', type: 'CaseSharedWith', data: { caseId: 'c-1', partnerCountry: 'SE' } }];
    const before = JSON.stringify(input);
    const sealed = await encryptEvents(policy, keys, input);
    expect(JSON.stringify(input)).toBe(before);
    const [person, request, share] = sealed;
    expect([person.data.name, person.data.pseudonym, person.data.birthYear].every(isEnvelope)).toBe(true);
    expect(person.data).toMatchObject({ caseId: 'c-1', personId: 'p-1', category: 'suspect', nationalities: [{ country: 'SE' }] });
    // Several values of one subject in one event: one group (v2), the head at the first path, a pointer at the next.
    expect(request.data.grounds).toEqual([
      { ground: 'f', reason: expect.objectContaining({ $enc: 'v2', s: 'request:r-1', p: ['grounds.0.reason', 'grounds.1.reason'] }) },
      { ground: 'g', reason: { $enc: 'v2', s: 'request:r-1', in: 'grounds.0.reason' } },
    ]);
    expect(share).toBe(input[2]);
    expect(JSON.stringify(sealed)).not.toMatch(/Ali Hassan|Suspect p-1|2008|N\.N\./);
    expect(keys.calls.keysFor).toBe(1); // one batch for every subject of every event
    expect(await decryptEvents(keys, sealed)).toEqual(input);
  });

  it('given an optional personal field that is absent, then nothing is invented for it', async () => {
    const [sealed] = await encryptEvents(policy, new InMemoryKeyStore(), [registered('e-1', 'p-1')]);
    expect(Object.hasOwn(sealed.data, 'name')).toBe(false);
  });

  it('given an event already sealed, then sealing again changes nothing (a seal run can resume)', async () => {
    const keys = new InMemoryKeyStore();
    const once = await encryptEvents(policy, keys, [registered('e-1', 'p-1')]);
    expect(await encryptEvents(policy, keys, once)).toEqual(once);
  });

  it('given an event written before encryption (plaintext), then it reads as itself (the upcaster)', async () => {
    const legacy = registered('e-old', 'p-9', { name: 'Old Plaintext' });
    expect(await decryptEvents(new InMemoryKeyStore(), [legacy])).toEqual([legacy]);
  });
});

describe('erasure and lost keys', () => {
  it('given one subject erased, then its values read as erased with when, and the other subject still reads', async () => {
    const keys = new InMemoryKeyStore();
    const sealed = await encryptEvents(policy, keys, [registered('e-1', 'p-1', { name: 'Ali Hassan' }), registered('e-2', 'p-2')]);
    await keys.destroy('person:p-1', { eventId: 'e-erase', erasedAt: '2026-12-06T12:00:00.000Z' });
    const [gone, kept] = await decryptEvents(keys, sealed);
    expect(gone.data.name).toEqual({ $redacted: 'erased', s: 'person:p-1', at: '2026-12-06T12:00:00.000Z' });
    expect(isRedacted(gone.data.birthYear)).toBe(true);
    expect(gone.data.personId).toBe('p-1');
    expect(kept.data.pseudonym).toBe('Suspect p-2');
  });

  it('given a key store that lost the key, then the values read as unavailable, never as garbage', async () => {
    const keys = new InMemoryKeyStore();
    const sealed = await encryptEvents(policy, keys, [registered('e-1', 'p-1')]);
    keys.keys.clear();
    const [read] = await decryptEvents(keys, sealed);
    expect(read.data.pseudonym).toEqual({ $redacted: 'unavailable', s: 'person:p-1' });
  });

  it('given a tampered envelope, then EnvelopeTampered is thrown, not masked as erased', async () => {
    const keys = new InMemoryKeyStore();
    const [sealed] = await encryptEvents(policy, keys, [registered('e-1', 'p-1')]);
    const moved = { ...sealed, id: 'e-other' }; // the same ciphertext claimed by another event
    await expect(decryptEvents(keys, [moved])).rejects.toBeInstanceOf(EnvelopeTampered);
  });

  it('given a group, then a pointer moved to a path its head does not list, a head with its paths changed, or a pointer without its head is tampering', async () => {
    const keys = new InMemoryKeyStore();
    const [sealed] = await encryptEvents(policy, keys, [registered('e-1', 'p-1', { name: 'Ali Hassan' })]);
    const d = sealed.data as Record<string, { $enc: string; p?: string[]; in?: string }>;
    expect(d.name).toMatchObject({ $enc: 'v2', p: ['name', 'pseudonym', 'birthYear'] });
    const pointerElsewhere = { ...sealed, data: { ...sealed.data, category: d.pseudonym } };
    await expect(decryptEvents(keys, [pointerElsewhere])).rejects.toBeInstanceOf(EnvelopeTampered);
    const reordered = { ...sealed, data: { ...sealed.data, name: { ...d.name, p: ['name', 'birthYear', 'pseudonym'] } } };
    await expect(decryptEvents(keys, [reordered])).rejects.toBeInstanceOf(EnvelopeTampered);
    const headless = { ...sealed, data: { ...sealed.data, name: 'x' } };
    await expect(decryptEvents(keys, [headless])).rejects.toBeInstanceOf(EnvelopeTampered);
    // An erased subject's group reads as erased at every path.
    await keys.destroy('person:p-1', { eventId: 'e-erase', erasedAt: '2026-12-06T12:00:00.000Z' });
    const [gone] = await decryptEvents(keys, [sealed]);
    expect([gone.data.name, gone.data.pseudonym, gone.data.birthYear].every(isRedacted)).toBe(true);
  });

  it('given chained ciphertext, then the chain still verifies after the subject is erased (it hashes ciphertext)', async () => {
    const keys = new InMemoryKeyStore();
    const sealed = await encryptEvents(policy, keys, [registered('e-1', 'p-1', { name: 'Ali Hassan' })]);
    const { events: [stored] } = chainEvents(null, sealed.map((e) => ({ ...e, metadata: meta })));
    await keys.destroy('person:p-1', { eventId: 'e-erase', erasedAt: '2026-12-06T12:00:00.000Z' });
    expect(eventHash(null, stored.type, stored.data, stored.metadata)).toBe(chainOf(stored.metadata)?.hash);
    expect((await decryptEvents(keys, [stored]))[0].data.name).toMatchObject({ $redacted: 'erased' });
  });
});

describe('redactions as text (for read-model columns)', () => {
  it('given an erased subject, then the read-model view has text where the reader has typed markers; other events come back as they were', async () => {
    const keys = new InMemoryKeyStore();
    const sealed = await encryptEvents(policy, keys, [registered('e-1', 'p-1', { name: 'Ali Hassan' }), registered('e-2', 'p-2')]);
    await keys.destroy('person:p-1', { eventId: 'e-erase', erasedAt: '2026-12-06T12:00:00.000Z' });
    const [gone, kept] = await decryptEvents(keys, sealed);
    expect(gone.data.name).toEqual({ $redacted: 'erased', s: 'person:p-1', at: '2026-12-06T12:00:00.000Z' });
    const text = redactionsAsText(gone);
    expect(text.data).toMatchObject({ name: '[erased]', pseudonym: '[erased]', birthYear: '[erased]', personId: 'p-1' });
    expect(redactionsAsText(gone).data).toBe(text.data); // converted once, however many projections apply it
    expect(redactionsAsText(kept)).toBe(kept);
    expect(kept.data.pseudonym).toBe('Suspect p-2');
  });
});

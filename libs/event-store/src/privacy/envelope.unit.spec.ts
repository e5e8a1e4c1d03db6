import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { JsonValue } from '../event-store.port.js';
import { isEnvelope, openEnvelope, sealValue, type Envelope, type FieldAddress, type KeyLookup } from './envelope.js';
import { EnvelopeTampered, SubjectKeyUnavailable } from './privacy.errors.js';

const SUBJECT = 'person:3f0c6a2e-8d1b-4c55-9a57-0d1e2f3a4b5c';
const AT: FieldAddress = { eventId: '0190f3a1-1234-7abc-8def-0123456789ab', path: 'name' };
const key = randomBytes(32);
const found: KeyLookup = { kind: 'key', key };

/** Flips one bit of a base64url part, keeping its length (so only authentication can catch it). */
function flipped(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] ^= 0x01;
  return bytes.toString('base64url');
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('envelope: round trip', () => {
  it.each<[string, JsonValue]>([
    ['a string with non-ASCII letters', 'Søren Ærø-Ljungström'],
    ['an empty string', ''],
    ['a number', 2008],
    ['a nested object with an array', { alias: 'Kungen', seen: ['telegram', 'tiktok'], at: { year: 2024, exact: false } }],
    ['null', null],
  ])('given %s, when sealed and opened with the same key and address, then the value comes back unchanged', (_, value) => {
    const envelope = sealValue(key, SUBJECT, value, AT);
    expect(openEnvelope(envelope, found, AT)).toEqual(value);
  });

  it('given a sealed value, then the stored JSON names version and subject and holds no plaintext', () => {
    const envelope = sealValue(key, SUBJECT, 'Suspect A', AT);
    const stored = JSON.parse(JSON.stringify(envelope)) as Envelope;
    expect(stored).toEqual({ $enc: 'v1', s: SUBJECT, iv: expect.any(String), ct: expect.any(String), tag: expect.any(String) });
    expect(Buffer.from(stored.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(stored.tag, 'base64url')).toHaveLength(16);
    expect(JSON.stringify(stored)).not.toContain('Suspect');
    expect(isEnvelope(stored)).toBe(true);
    expect(isEnvelope('Suspect A')).toBe(false);
    expect(isEnvelope({ name: 'x' })).toBe(false);
  });

  it('given the same value sealed twice, then the IVs and ciphertexts differ (a fresh IV every time)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(sealValue(key, SUBJECT, 'Suspect A', AT).iv);
    expect(seen.size).toBe(5000);
    const [a, b] = [sealValue(key, SUBJECT, 'Suspect A', AT), sealValue(key, SUBJECT, 'Suspect A', AT)];
    expect(a.ct).not.toBe(b.ct);
  });
});

describe('envelope: tampering and wrong associated data', () => {
  const envelope = sealValue(key, SUBJECT, 'Suspect A', AT);

  it.each(['ct', 'tag', 'iv'] as const)('given one bit of %s flipped, when opened, then EnvelopeTampered', (part) => {
    const error = caught(() => openEnvelope({ ...envelope, [part]: flipped(envelope[part]) }, found, AT));
    expect(error).toBeInstanceOf(EnvelopeTampered);
    expect(error).toMatchObject({ eventId: AT.eventId, path: 'name' });
  });

  it('given a truncated tag or IV, or a part that is not base64url, then EnvelopeTampered', () => {
    expect(() => openEnvelope({ ...envelope, tag: envelope.tag.slice(0, 8) }, found, AT)).toThrow(EnvelopeTampered);
    expect(() => openEnvelope({ ...envelope, iv: envelope.iv.slice(0, 4) }, found, AT)).toThrow(EnvelopeTampered);
    expect(() => openEnvelope({ ...envelope, ct: `${envelope.ct}!` }, found, AT)).toThrow(EnvelopeTampered);
    expect(() => openEnvelope({ ...envelope, $enc: 'v9' as 'v1' }, found, AT)).toThrow(EnvelopeTampered);
  });

  it('given the envelope moved to another event, then EnvelopeTampered', () => {
    expect(() => openEnvelope(envelope, found, { ...AT, eventId: '0190f3a1-1234-7abc-8def-0123456789ac' })).toThrow(EnvelopeTampered);
  });

  it('given the envelope moved to another field, then EnvelopeTampered', () => {
    expect(() => openEnvelope(envelope, found, { ...AT, path: 'pseudonym' })).toThrow(EnvelopeTampered);
  });

  it('given the envelope relabelled with another subject (whose key is looked up), then EnvelopeTampered', () => {
    const other = randomBytes(32);
    expect(() => openEnvelope({ ...envelope, s: 'person:other' }, { kind: 'key', key: other }, AT)).toThrow(EnvelopeTampered);
    // Even with the right key: the subject id is part of the associated data.
    expect(() => openEnvelope({ ...envelope, s: 'person:other' }, found, AT)).toThrow(EnvelopeTampered);
  });

  it('given the wrong key, then EnvelopeTampered (GCM cannot tell a wrong key from changed bytes)', () => {
    expect(() => openEnvelope(envelope, { kind: 'key', key: randomBytes(32) }, AT)).toThrow(EnvelopeTampered);
  });
});

describe('envelope: keys that are gone', () => {
  const envelope = sealValue(key, SUBJECT, 'Suspect A', AT);

  it('given no key and no tombstone (key store lost), when opened, then SubjectKeyUnavailable "missing"', () => {
    for (const lookup of [{ kind: 'missing' } as const, undefined]) {
      const error = caught(() => openEnvelope(envelope, lookup, AT));
      expect(error).toBeInstanceOf(SubjectKeyUnavailable);
      expect(error).toMatchObject({ subject: SUBJECT, reason: 'missing', tombstone: undefined });
    }
  });

  it('given the key destroyed by an erasure, when opened, then SubjectKeyUnavailable "erased" with the tombstone', () => {
    const tombstone = { subject: SUBJECT, erasedAt: '2026-12-06T10:00:00.000Z', erasureEventId: 'e-erase-1' };
    const error = caught(() => openEnvelope(envelope, { kind: 'erased', tombstone }, AT));
    expect(error).toBeInstanceOf(SubjectKeyUnavailable);
    expect(error).toMatchObject({ subject: SUBJECT, reason: 'erased', tombstone });
    expect((error as Error).message).not.toContain('Suspect');
  });
});

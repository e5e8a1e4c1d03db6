import { describe, expect, it } from '@jest/globals';
import type { JsonObject, RecordedEvent } from './event-store.port.js';
import { canonicalJson, chainEvents, chainOf, eventHash, jsonOf } from './hash-chain.js';
import { serializeEvents } from './sqlite/sqlite-append.js';
import { verifyEvents } from './chain-verifier.js';

const meta: JsonObject = { actor: 'se-officer-1', country: 'SE', occurredAt: '2026-11-20T10:00:00.000Z' };

function recorded(stream: string, events: { type: string; data: JsonObject; metadata: JsonObject }[], firstPosition = 0): RecordedEvent[] {
  return events.map((e, i) => ({
    id: `${stream}-${i}`, streamId: stream, type: e.type, data: e.data, metadata: e.metadata,
    revision: BigInt(i), position: BigInt(firstPosition + i), recordedAt: '2026-11-20T10:00:00.000Z',
  }));
}

function chainedStream(stream = 's', n = 4, firstPosition = 0): RecordedEvent[] {
  const raw = Array.from({ length: n }, (_, i) => ({ type: i === 0 ? 'Opened' : 'Changed', data: { n: i, text: `v${i}` }, metadata: meta }));
  return recorded(stream, chainEvents(null, raw).events, firstPosition);
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined, like JSON.stringify otherwise', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(['é', null, 1.5, true])).toBe(JSON.stringify(['é', null, 1.5, true]));
  });

  it('gives the same text for the same value whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });
});

describe('chainEvents', () => {
  it('links each event to the previous hash, starting at null, without mutating shared metadata', () => {
    const { events, last } = chainEvents(null, [
      { type: 'A', data: { n: 1 }, metadata: meta },
      { type: 'B', data: { n: 2 }, metadata: meta },
    ]);
    const [a, b] = events.map((e) => chainOf(e.metadata));
    expect(a?.prev).toBeNull();
    expect(b?.prev).toBe(a?.hash);
    expect(last).toBe(b?.hash);
    expect(meta).not.toHaveProperty('chain');
    expect(a?.hash).toBe(eventHash(null, 'A', { n: 1 }, meta));
  });

  it('hashes over type, data, metadata and prev: changing any of them changes the hash', () => {
    const base = eventHash('p', 'T', { n: 1 }, meta);
    expect(eventHash('q', 'T', { n: 1 }, meta)).not.toBe(base);
    expect(eventHash('p', 'U', { n: 1 }, meta)).not.toBe(base);
    expect(eventHash('p', 'T', { n: 2 }, meta)).not.toBe(base);
    expect(eventHash('p', 'T', { n: 1 }, { ...meta, actor: 'someone-else' })).not.toBe(base);
    // ...but not the chain field itself, nor key order.
    expect(eventHash('p', 'T', { n: 1 }, { ...meta, chain: { prev: 'x', hash: 'y' } })).toBe(base);
    expect(eventHash('p', 'T', { n: 1 }, { occurredAt: meta.occurredAt, country: 'SE', actor: 'se-officer-1' })).toBe(base);
  });
});

describe('verifyEvents', () => {
  it('accepts an intact stream', () => {
    expect(verifyEvents(chainedStream())).toMatchObject({ ok: true, events: 4, streams: 1, firstBreak: null });
  });

  it('names the edited event (data changed after the fact) and only that one', () => {
    const events = chainedStream();
    events[2] = { ...events[2], data: { n: 2, text: 'edited' } };
    const report = verifyEvents(events);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toEqual({ stream: 's', revision: '2', position: '2', reason: 'hash-mismatch' });
    expect(report.breaks).toHaveLength(1);
  });

  it('catches an edit whose hash was recomputed, at the successor (prev no longer matches)', () => {
    const events = chainedStream();
    const link = chainOf(events[1].metadata);
    const data = { n: 1, text: 'forged' };
    const hash = eventHash(link?.prev ?? null, events[1].type, data, events[1].metadata);
    events[1] = { ...events[1], data, metadata: { ...events[1].metadata, chain: { prev: link?.prev ?? null, hash } } };
    expect(verifyEvents(events).firstBreak).toMatchObject({ revision: '2', reason: 'prev-mismatch' });
  });

  it('catches a deleted event (revision gap), a missing chain and positions going backwards', () => {
    const events = chainedStream();
    expect(verifyEvents([events[0], events[1], events[3]]).firstBreak).toMatchObject({ revision: '3', reason: 'revision-gap' });
    const stripped = events.map((e, i) => (i === 1 ? { ...e, metadata: meta } : e));
    expect(verifyEvents(stripped).firstBreak).toMatchObject({ revision: '1', reason: 'missing-chain' });
    const other = chainedStream('t', 1, 1);
    expect(verifyEvents([events[0], events[1], ...other]).firstBreak).toMatchObject({ stream: 't', reason: 'position-not-increasing' });
  });
});

describe('the JSON the store writes for chained events', () => {
  it('is the text the hash was taken over, and exactly what JSON.stringify gives for the stored objects', () => {
    const metadatas: JsonObject[] = [meta, {}, { 2: 'two', b: { z: 1, a: [{ y: 2, x: 1 }] }, a: null, 10: 'ten' }, { chain: { prev: 'stale', hash: 'x' }, z: 'only' }];
    const raw = metadatas.map((metadata, i) => ({ id: `e-${i}`, type: 'Changed', data: { z: i, a: { d: 'ü', c: [3, { f: 1, e: 2 }] }, '7': 'seven' }, metadata }));
    const { events } = chainEvents('prev-hash', raw);
    for (const e of events) {
      expect(jsonOf(e.data)).toBe(JSON.stringify(e.data));
      expect(jsonOf(e.metadata)).toBe(JSON.stringify(e.metadata));
    }
    expect(serializeEvents(events)).toEqual(events.map((e) => ({ id: e.id, type: e.type, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) })));
    // Objects chainEvents never produced are stringified as they are.
    expect(jsonOf({ b: 1, a: 2 })).toBe('{"b":1,"a":2}');
  });
});

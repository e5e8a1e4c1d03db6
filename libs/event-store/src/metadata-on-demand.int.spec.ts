// Metadata parsed on demand (ADR 30): a projection thread's page of $all leaves each event's metadata
// as text until a read model reads it, and copies made on the way (opening sealed values, redaction
// markers as text) keep it so; whatever is read is what an eager read gives.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { PrivateEventStore } from './privacy/private-event-store.js';
import { SqliteKeyStore } from './privacy/sqlite-key-store.js';
import { redactionsAsText } from './privacy/event-data-crypto.js';
import { OnDemandMetadataEvent, withEventData } from './metadata-on-demand.js';
import type { PersonalDataPolicy } from './privacy/field-policy.js';
import type { EventToAppend } from './event-store.port.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-metadata-on-demand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const policy: PersonalDataPolicy = { Registered: [{ path: 'name', subject: (d) => `person:${String(d.personId)}` }] };
const metadata = { actor: 'o', country: 'SE', occurredAt: '2026-12-06T12:00:00.000Z', chain: { prev: null, hash: 'h' } };

async function seeded(name: string) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const inner = SqliteEventStore.open(join(folder, 'events.db'));
  const store = new PrivateEventStore(inner, { policy, keys: SqliteKeyStore.open(join(folder, 'keys.db')) });
  const events: (EventToAppend & { id: string })[] = [
    { id: '00000000-0000-4000-8000-000000000001', type: 'Registered', data: { personId: 'p1', name: 'Karin Kvist' }, metadata },
    { id: '00000000-0000-4000-8000-000000000002', type: 'Noted', data: { text: 'x' }, metadata: { ...metadata, actor: 'p' } },
  ];
  await store.append('s-1', await store.seal(events));
  return { inner, store };
}

describe('metadata on demand', () => {
  it('given metadataOnDemand, then every event of the page holds its metadata unparsed until read, and reads as an eager read does', async () => {
    const { inner, store } = await seeded('plain');
    const eager = await inner.readAll();
    const page = await inner.readAll({ metadataOnDemand: true });
    expect(page.every((e) => e instanceof OnDemandMetadataEvent && !e.metadataParsed)).toBe(true);
    expect(eager.every((e) => !(e instanceof OnDemandMetadataEvent))).toBe(true);
    expect(page.map((e) => e.metadata)).toEqual(eager.map((e) => e.metadata));
    expect((page[0] as OnDemandMetadataEvent).metadataParsed).toBe(true);
    expect(page.map((e) => (e as OnDemandMetadataEvent).toJSON())).toEqual(eager);
    await store.close();
  });

  it('when a sealed page is opened (only the types asked for), then the opened events still carry metadata on demand', async () => {
    const { store } = await seeded('sealed');
    const page = await store.readAll({ metadataOnDemand: true, dataOf: new Set(['Registered']) });
    expect(page[0].data.name).toBe('Karin Kvist');
    expect(page.every((e) => e instanceof OnDemandMetadataEvent && !e.metadataParsed)).toBe(true);
    expect(page.map((e) => e.metadata.actor)).toEqual(['o', 'p']);
    await store.close();
  });

  it('a copy with other data keeps the metadata (parsed or not) and a later set; a plain event is spread as before', async () => {
    const { inner, store } = await seeded('copies');
    const [first] = await inner.readAll({ metadataOnDemand: true });
    const copy = withEventData(first, { personId: 'p1', name: 'other' });
    expect(copy).toBeInstanceOf(OnDemandMetadataEvent);
    expect((copy as OnDemandMetadataEvent).metadataParsed).toBe(false);
    expect([copy.id, copy.type, copy.position, copy.revision, copy.recordedAt]).toEqual([first.id, first.type, first.position, first.revision, first.recordedAt]);
    expect(copy.metadata).toEqual(first.metadata);
    copy.metadata = { replaced: true };
    expect(copy.metadata).toEqual({ replaced: true });
    const marked = withEventData(first, { name: { $redacted: 'erased', s: 'person:p1', at: 'now' } });
    expect(redactionsAsText(marked)).toBeInstanceOf(OnDemandMetadataEvent);
    const plain = { id: 'x', data: { a: 1 }, metadata: { b: 2 } };
    expect(withEventData(plain, { a: 2 })).toEqual({ id: 'x', data: { a: 2 }, metadata: { b: 2 } });
    await store.close();
  });
});

// Appends forever until SIGKILLed. A line "ACK ..." is printed only after the append's promise
// resolved, so every printed line is a promise the store made and must keep across a crash.
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store.js';
import type { EventToAppend } from '../../libs/event-store/src/event-store.port.js';

const [file, round, writer = 'inline'] = process.argv.slice(2);
if (!file || !round || (writer !== 'inline' && writer !== 'thread')) throw new Error('usage: append-loop.child.ts <file> <round> [inline|thread]');

const WORKERS = 8;
const SHARED_STREAMS = 4;
const store = SqliteEventStore.open(file, { writer });
const metadata = { actor: 'crash', country: 'NO', correlationId: round, causationId: round, occurredAt: new Date().toISOString() };
let sequence = 0;

function batchOf(batch: string, size: number): EventToAppend[] {
  return Array.from({ length: size }, (_, index) => ({ type: 'CrashTested', data: { batch, index, size }, metadata }));
}

async function worker(w: number): Promise<never> {
  // Each worker also owns a stream it appends to with exact revisions, so conflicts would surface.
  const own = `crash-own-${round}-${w}`;
  let ownRevision: bigint | undefined;
  for (;;) {
    const batch = `${round}-${w}-${sequence++}`;
    const size = Math.random() < 0.4 ? 2 + Math.floor(Math.random() * 5) : 1;
    const useOwn = Math.random() < 0.5;
    const stream = useOwn ? own : `crash-shared-${Math.floor(Math.random() * SHARED_STREAMS)}`;
    const expectedRevision = useOwn ? (ownRevision ?? 'no_stream') : 'any';
    const result = await store.append(stream, batchOf(batch, size), { expectedRevision });
    if (useOwn) ownRevision = result.nextExpectedRevision;
    const first = result.nextExpectedRevision - BigInt(size - 1);
    process.stdout.write(`ACK ${stream} ${first} ${result.nextExpectedRevision} ${batch} ${size}\n`);
  }
}

process.stdout.write('READY\n');
await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

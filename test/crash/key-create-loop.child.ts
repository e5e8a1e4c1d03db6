// Creates (and now and then destroys) subject keys forever until SIGKILLed. "KEY <subject> <hex>" is
// printed only after keysFor resolved and "ERASED <subject>" only after destroy resolved: each line is
// a promise the key store made and must keep across a crash.
import { SqliteKeyStore } from '../../libs/event-store/src/privacy/sqlite-key-store.js';

const [file, round] = process.argv.slice(2);
if (!file || !round) throw new Error('usage: key-create-loop.child.ts <file> <round>');

const WORKERS = 6;
const store = SqliteKeyStore.open(file);
let sequence = 0;

async function worker(w: number): Promise<never> {
  for (;;) {
    const size = 1 + Math.floor(Math.random() * 4);
    // A subject shared by every worker too, so concurrent get-or-create of one subject is in the mix.
    const subjects = Array.from({ length: size }, () => `person:${round}-${w}-${sequence++}`).concat(`case:${round}-shared-${sequence % 7}`);
    const keys = await store.keysFor(subjects);
    process.stdout.write(subjects.map((s) => `KEY ${s} ${keys.get(s)!.toString('hex')}\n`).join(''));
    if (Math.random() < 0.1) {
      await store.destroy(subjects[0], { eventId: `erasure-${subjects[0]}`, erasedAt: new Date().toISOString() });
      process.stdout.write(`ERASED ${subjects[0]}\n`);
    }
  }
}

process.stdout.write('READY\n');
await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

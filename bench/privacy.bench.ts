// `npm run bench -- privacy [--quick]`: what crypto-shredding (ADR 19) costs per event, before it is
// wired into the command path: CPU µs to encrypt and to decrypt a PersonRegistered with a name, a
// pseudonym and a birth year (three envelopes) through the real SqliteKeyStore with its cache warm,
// the same for an event with no personal field (the common case: policy lookup / envelope scan only),
// and the durable creation of a new subject's key. Budget: ≤ 15 µs CPU per command for encryption.
// Then, wired (issue 14): CPU per command through two real services, encryption on vs off, same run;
// a from-scratch rebuild of every read model, plaintext vs sealed log; and how long one erasure takes
// to be visible in every read model.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { decryptEvents, encryptEvents, newEventId, SqliteKeyStore, type EventData } from '@liaison/event-store';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { makeTempDir, writeResult } from './support/files.js';
import { fmtInt, median, verdict } from './support/stats.js';
import { measureCommandCost, printCommandCost } from './privacy/command-cost.js';
import { measureErasureVisible, measureRebuild } from './privacy/rebuild-and-erasure.js';

const say = (line: string): void => void process.stderr.write(`${line}\n`);
const TARGET_ENCRYPT_US = 15;

const registered = (personId: string): EventData => ({
  id: newEventId(), type: 'PersonRegistered',
  data: {
    caseId: 'c-2024-0815', personId, category: 'suspect', name: 'Ali Hassan', pseudonym: 'Suspect A', birthYear: 2008,
    nationalities: [{ country: 'SE', evaluation: { source: 'A', information: 1 } }],
  },
});
const closed = (): EventData => ({ id: newEventId(), type: 'CaseClosed', data: { caseId: 'c-2024-0815', reason: 'Investigation concluded' } });
const shared = (): EventData => ({ id: newEventId(), type: 'CaseSharedWith', data: { caseId: 'c-2024-0815', partnerCountry: 'SE', level: 'contribute' } });

/** CPU µs per call of `step` (user + system), the median of `rounds` rounds of `n` calls each. */
async function cpuMicros(rounds: number, n: number, step: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(n, 2000); i++) await step(i); // warm the JIT and the key cache
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) await step(i);
    const used = process.cpuUsage(start);
    perCall.push((used.user + used.system) / n);
  }
  return median(perCall);
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const [rounds, n] = quick ? [3, 5_000] : [7, 20_000];
  const tmp = makeTempDir('liaison-bench-privacy');
  const keys = SqliteKeyStore.open(join(tmp.dir, 'keys.db'));
  say(`privacy bench${quick ? ' (--quick)' : ''}: temp dir ${tmp.dir}`);
  try {
    // Ten people in the hot set: their keys come from the cache, as for commands on open cases.
    const people = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    const events = people.map(registered);
    const sealed = await encryptEvents(PERSONAL_DATA_POLICY, keys, events);
    const plain = Array.from({ length: 10 }, shared);
    const oneField = Array.from({ length: 10 }, closed);

    const encrypt = await cpuMicros(rounds, n, (i) => encryptEvents(PERSONAL_DATA_POLICY, keys, [events[i % 10]]));
    const decrypt = await cpuMicros(rounds, n, (i) => decryptEvents(keys, [sealed[i % 10]]));
    const encryptOne = await cpuMicros(rounds, n, (i) => encryptEvents(PERSONAL_DATA_POLICY, keys, [oneField[i % 10]]));
    const encryptNone = await cpuMicros(rounds, n, (i) => encryptEvents(PERSONAL_DATA_POLICY, keys, [plain[i % 10]]));
    const decryptNone = await cpuMicros(rounds, n, (i) => decryptEvents(keys, [plain[i % 10]]));
    const created = 200;
    const t0 = performance.now();
    for (let i = 0; i < created; i++) await keys.keysFor([`person:new-${i}`]);
    const createMs = (performance.now() - t0) / created;

    const bytes = { plain: JSON.stringify(events[0].data).length, sealed: JSON.stringify(sealed[0].data).length };
    const result = {
      suite: 'privacy', quick, at: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavg1: loadavg()[0],
      personRegistered: { fields: 3, encryptCpuMicros: encrypt, decryptCpuMicros: decrypt, bytes },
      onePersonalField: { encryptCpuMicros: encryptOne },
      noPersonalField: { encryptCpuMicros: encryptNone, decryptCpuMicros: decryptNone },
      newSubjectKeyMs: createMs,
      targetEncryptCpuMicros: TARGET_ENCRYPT_US, verdict: verdict(encrypt, TARGET_ENCRYPT_US, true),
    };
    console.log('');
    console.log(`PersonRegistered (name, pseudonym, birth year: 3 envelopes), cached keys, CPU per event (median of ${rounds} × ${fmtInt(n)}):`);
    console.log(`  encrypt ${encrypt.toFixed(1)} µs  decrypt ${decrypt.toFixed(1)} µs  target encrypt <= ${TARGET_ENCRYPT_US} µs  ${result.verdict}`);
    console.log(`  stored data ${bytes.plain} → ${bytes.sealed} bytes`);
    console.log(`CaseClosed (one envelope: the reason): encrypt ${encryptOne.toFixed(1)} µs`);
    console.log(`event without personal fields: encrypt ${encryptNone.toFixed(2)} µs  decrypt (envelope scan) ${decryptNone.toFixed(2)} µs`);
    console.log(`new subject key (durable, synchronous=FULL): ${createMs.toFixed(2)} ms wall each`);

    const rebuild = await measureRebuild(tmp.dir, quick ? 20_000 : 100_000, quick ? 1 : 3);
    // The target is for the build the service runs (its projection worker threads); one thread
    // in-process is printed beside it, and judged only when there is no dist/ build to run threads from.
    const judged = rebuild.worker ?? rebuild;
    const rebuildOk = judged.sealedPerSec >= 100_000;
    const rates = (r: { plainPerSec: number; sealedPerSec: number }) =>
      `plaintext ${fmtInt(Math.round(r.plainPerSec))} events/s, sealed ${fmtInt(Math.round(r.sealedPerSec))} events/s (ratio ${(r.sealedPerSec / r.plainPerSec).toFixed(2)})`;
    console.log(`\nfrom-scratch rebuild of every read model, ${fmtInt(rebuild.events)} events, ` +
      `${rebuild.worker ? 'as the service does (its projection worker threads)' : 'one thread in-process (no worker threads: see below)'}: ` +
      `${rates(judged)}; target sealed >= 100,000: ${rebuildOk ? 'PASS' : 'MISS'}`);
    if (rebuild.worker) console.log(`  one thread in-process (comparison): ${rates(rebuild)}`);
    console.log(`  worker host: ${rebuild.workerNote}`);
    const erasure = await measureErasureVisible(tmp.dir, quick ? 5 : 20);
    const erasureP50 = median(erasure);
    const erasureMax = Math.max(...erasure);
    console.log(`erasure visible in every read model: p50 ${erasureP50.toFixed(1)} ms, max ${erasureMax.toFixed(1)} ms over ${erasure.length} (target <= 100 ms: ${erasureMax <= 100 ? 'PASS' : 'MISS'})`);
    const costs = await measureCommandCost(quick, say);
    printCommandCost(costs, TARGET_ENCRYPT_US);
    console.log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`);
    console.log(`results: ${writeResult('privacy', { ...result, rebuild, erasureMs: erasure, commandCost: costs.map((c) => ({ command: c.command, addedMicros: c.addedMicros, on: c.on.cpu, off: c.off.cpu, onPerSec: c.on.load.requestsPerSec, offPerSec: c.off.load.requestsPerSec })) })}`);
  } finally {
    await keys.close();
    tmp.dispose();
  }
}

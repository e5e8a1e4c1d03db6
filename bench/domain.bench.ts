// `npm run bench -- domain [--quick]`: what one command costs on a long case (issue 16, ADR 26).
// 1. decide + evolve, the pure part, per command on cases of 50 and 2,000 detentions: CPU time per
//    command, the median of many batches, each batch starting again from the same state (so the case
//    stays its size). Target: ≤ 15 µs at 2,000.
// 2. The same commands end to end in-process (handleCommand on the embedded store, hash chain, state
//    cache as the service uses them): with the cache warm (the service's steady state) and cold (the
//    whole stream read and folded, as after a restart or an eviction).
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { caseDecider, caseStreamId, type CaseCommand, type CaseEvent, type CaseState } from '@liaison/domain';
import { KeyedQueue, SqliteEventStore, StateCache, handleCommand, type EventStore } from '@liaison/event-store';
import { CASE_ID, by, caseOpened, command } from '../libs/domain/src/testing/case.fixtures.js';
import { makeTempDir, writeResult } from './support/files.js';
import { median } from './support/stats.js';
import { renderTable } from './support/table.js';

const TARGET_US = 15;
const say = (line: string): void => void process.stderr.write(`${line}\n`);
const ev = { source: 'B', information: 2 } as const;

/** A case with `n` persons, each detained once; every fourth detention has ended. */
function longCase(n: number): CaseEvent[] {
  const events: CaseEvent[] = [caseOpened];
  const add = (type: string, data: object) => events.push({ type, data: { caseId: CASE_ID, ...data } } as CaseEvent);
  for (let i = 0; i < n; i++) {
    add('PersonRegistered', { personId: `p-${i}`, category: 'suspect', pseudonym: `Ungdom ${i}`, nationalities: [{ country: 'SE', evaluation: ev }] });
    add('DetentionRecorded', {
      detentionId: `d-${i}`, personId: `p-${i}`, holdingCountry: 'DK', facility: 'Vestre Fængsel', legalBasis: 'Retsplejeloven § 762',
      detainedAt: '2024-08-01T00:00:00.000Z', nextCustodyReviewAt: '2024-09-01T00:00:00.000Z',
    });
    if (i % 4 === 3) add('DetentionEnded', { detentionId: `d-${i}`, outcome: 'released', endedAt: '2024-08-20T00:00:00.000Z' });
  }
  return events;
}

/** The commands of an officer's day on the case: each valid on the case as built, whatever its size. */
function commands(n: number, k: number): CaseCommand[] {
  const free = `p-${4 * ((k % Math.floor(n / 4)) + 1) - 1}`; // ended detention: may be detained again
  const held = `d-${(4 * k) % n}`;
  return [
    command('RecordDetention', {
      detentionId: `d-new-${k}`, personId: free, holdingCountry: 'DK', facility: 'Vestre Fængsel', legalBasis: 'Retsplejeloven § 762',
      detainedAt: '2024-09-01T00:00:00.000Z', nextCustodyReviewAt: '2024-09-20T00:00:00.000Z',
    }, by('DK')),
    // Each later than the last, so the same detention can be extended again and again.
    command('ExtendCustody', { detentionId: held, nextCustodyReviewAt: new Date(Date.UTC(2024, 9, 1) + k * 60_000).toISOString() }, by('DK')),
    command('RegisterPerson', { personId: `p-new-${k}`, category: 'suspect', pseudonym: 'New', nationalities: [{ country: 'SE', evaluation: ev }] }, by('DK')),
  ] as CaseCommand[];
}

const cpuUs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return d.user + d.system;
};

/** CPU µs per decide + evolve, median over batches that each start from `state`. */
function decideEvolve(state: CaseState, n: number, batches: number): number {
  const perCommand: number[] = [];
  const batch = 100;
  for (let b = 0; b < batches; b++) {
    const cmds = Array.from({ length: batch }, (_, i) => commands(n, b * batch + i)[i % 3]);
    const t0 = process.cpuUsage();
    for (const c of cmds) caseDecider.decide(c, state).reduce(caseDecider.evolve, state);
    perCommand.push(cpuUs(t0) / batch);
  }
  return median(perCommand);
}

/** CPU ms to fold the whole case from its events (what a cache miss and an audit replay do), median of `runs`. */
function foldMs(history: readonly CaseEvent[], runs: number): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    caseDecider.fold(caseDecider.initialState(), history);
    samples.push(cpuUs(t0) / 1000);
  }
  return median(samples);
}

/** CPU µs per command through handleCommand on the embedded store, with the state cache warm or emptied before each. */
async function endToEnd(store: EventStore, n: number, count: number, warm: boolean, from: number): Promise<number> {
  const cache = new StateCache<unknown>();
  const queue = new KeyedQueue();
  const stream = caseStreamId(CASE_ID);
  const samples: number[] = [];
  for (let k = 0; k < count; k++) {
    if (!warm) cache.delete(stream);
    const c = commands(n, from + k)[1 + (k % 2)];
    const t0 = process.cpuUsage();
    await handleCommand(store, stream, c, caseDecider, { cache, queue, chain: true, metadata: { actor: 'bench', country: 'DK' } });
    if (k > 0 || !warm) samples.push(cpuUs(t0));
  }
  return median(samples);
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const sizes = [50, 2000];
  say(`domain bench: cases of ${sizes.join(' / ')} detentions; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const rows: Record<string, number>[] = [];
  for (const n of sizes) {
    const history = longCase(n);
    const state = caseDecider.fold(caseDecider.initialState(), history);
    decideEvolve(state, n, 50); // warm-up: let the JIT settle before measuring
    const pure = decideEvolve(state, n, quick ? 300 : 2000);
    const fold = foldMs(history, quick ? 10 : 30);
    const tmp = makeTempDir('liaison-bench-domain');
    const store = SqliteEventStore.open(join(tmp.dir, 'events.db'));
    try {
      await store.append(caseStreamId(CASE_ID), history.map((e, i) => ({ id: `e-${i}`, type: e.type, data: e.data, metadata: {} })), { expectedRevision: 'no_stream' });
      const warm = await endToEnd(store, n, quick ? 200 : 1000, true, 10_000);
      const cold = await endToEnd(store, n, quick ? 10 : 40, false, 20_000);
      rows.push({ detentions: n, events: history.length, pure, fold, warm, cold });
    } finally {
      await store.close();
      tmp.dispose();
    }
  }
  const us = (v: number) => v.toFixed(1);
  console.log(renderTable(
    ['case', 'events', 'decide+evolve µs', 'fold of the case ms', 'command, cache warm µs', 'command, cache cold µs'],
    rows.map((r) => [`${r.detentions} detentions`, String(r.events), us(r.pure), r.fold.toFixed(2), us(r.warm), us(r.cold)]),
  ));
  console.log('(events: the case as built; the cold column reads and folds it grown by the warm column\'s commands)');
  const long = rows[rows.length - 1];
  console.log(`decide + evolve per command at 2,000 detentions: ${us(long.pure)} µs CPU (target ≤ ${TARGET_US} µs: ${long.pure <= TARGET_US ? 'PASS' : 'MISS'})`);
  say(`  result: ${writeResult('domain', { rows, quick, load: loadavg() })}`);
}

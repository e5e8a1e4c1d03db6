import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_DATA_POLICY, caseDecider, caseStreamId } from '@liaison/domain';
import { PrivateEventStore, SqliteEventStore, SqliteKeyStore, handleCommand, type EventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS, ProjectionRunner } from '@liaison/projections';
import { timeHostBuild, timeRebuild } from '../projections/phases.js';
import { newestSourceMs, startWorkerClient, workerHostInfo } from '../projections/worker-host.js';
import { sealStore } from '../../apps/api/src/privacy/seal/seal-store.js';
import { appendInterleaved, caseStream, requestStream, type PlaintextStream } from '../../apps/api/src/privacy/seal/testing/plaintext-store.fixture.js';
import type { Progress } from '../../apps/api/src/privacy/seal/seal-progress.js';

// Issue 14: a from-scratch rebuild of every read model stays >= 100k events/s with decryption, and one
// subject's erasure is visible in every read model within 100 ms. The same generated log is rebuilt
// as plaintext and sealed (every personal field an envelope), in the same run, so the ratio isolates
// what decryption costs. The rebuild is measured as the service builds: its projection worker threads
// (compiled dist/, each thread opening the log and keys.db itself); one thread in-process beside it
// for comparison.

const silent: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined };

export interface RebuildRates { plainPerSec: number; sealedPerSec: number }
export interface RebuildCost extends RebuildRates {
  events: number;
  /** The service's worker threads; absent without a dist/ build (note says why). */
  worker?: RebuildRates;
  workerNote: string;
}

export async function measureRebuild(dir: string, target: number, reps: number): Promise<RebuildCost> {
  mkdirSync(join(dir, 'plain'), { recursive: true });
  const plain = SqliteEventStore.open(join(dir, 'plain', 'events.db'));
  let written = 0;
  for (let n = 0; written < target; n += 250) {
    const streams: PlaintextStream[] = [];
    for (let k = n; k < n + 250 && written < target; k++) {
      const s = k % 10 === 9 ? requestStream(k) : caseStream(k, 3);
      streams.push(s);
      written += s.events.length;
    }
    await appendInterleaved(plain, streams);
  }
  await plain.close();
  const outcome = await sealStore({ from: join(dir, 'plain'), to: join(dir, 'sealed'), operator: 'bench', toolVersion: 'bench', policy: PERSONAL_DATA_POLICY, progress: silent });
  if (!outcome.ok) throw new Error(`seal failed: ${outcome.reason}`);
  const plainStore = SqliteEventStore.open(join(dir, 'plain', 'events.db'));
  const sealedStore = new PrivateEventStore(SqliteEventStore.open(join(dir, 'sealed', 'events.db')), {
    policy: PERSONAL_DATA_POLICY, keys: SqliteKeyStore.open(join(dir, 'sealed', 'keys.db'), { mustExist: true }),
  });
  const folders = { plain: join(dir, 'plain'), sealed: join(dir, 'sealed') };
  const info = workerHostInfo(newestSourceMs());
  try {
    const head = await plainStore.headPosition();
    const rates = { plain: [] as number[], sealed: [] as number[], workerPlain: [] as number[], workerSealed: [] as number[] };
    const rate = (r: { ms: number; errors: string[] }, label: string): number => {
      if (r.errors.length) throw new Error(`${label} rebuild: ${r.errors.join('; ')}`);
      return (written * 1000) / r.ms;
    };
    // Alternated, so drift in the machine's load hits both alike; medians reported.
    for (let i = 0; i < reps; i++) {
      for (const [name, store] of [['plain', plainStore], ['sealed', sealedStore]] as const) {
        rates[name].push(rate(await timeRebuild(store as EventStore, join(dir, `rm-${name}`), head, written), name));
        if (!info.available) continue;
        const rm = join(dir, `rm-${name}-workers`);
        const r = await timeHostBuild(() => startWorkerClient(store as EventStore, folders[name], rm), rm, head, written);
        rates[name === 'plain' ? 'workerPlain' : 'workerSealed'].push(rate(r, `${name} (worker threads)`));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      events: written, plainPerSec: median(rates.plain), sealedPerSec: median(rates.sealed),
      ...(info.available ? { worker: { plainPerSec: median(rates.workerPlain), sealedPerSec: median(rates.workerSealed) } } : {}),
      workerNote: info.note,
    };
  } finally {
    await plainStore.close();
    await sealedStore.close();
  }
}

/**
 * Wall ms from the erasure command's start until every read model that holds the person's values has
 * applied it (live runner on the store, in-process, as the projection threads run it).
 */
export async function measureErasureVisible(dir: string, rounds: number): Promise<number[]> {
  mkdirSync(join(dir, 'erase'), { recursive: true });
  const store = new PrivateEventStore(SqliteEventStore.open(join(dir, 'erase', 'events.db')), {
    policy: PERSONAL_DATA_POLICY, keys: SqliteKeyStore.open(join(dir, 'erase', 'keys.db')),
  });
  const runner = new ProjectionRunner({ store, dir: join(dir, 'erase', 'read-models'), projections: ALL_PROJECTIONS, wake: 'store' });
  runner.start();
  const meta = (now: string) => ({ actor: { id: 'bench-se', country: 'SE' as const }, now, correlationId: 'c', causationId: 'c' });
  const run = (caseId: string, command: Parameters<typeof caseDecider.decide>[0]) => handleCommand(store, caseStreamId(caseId), command, caseDecider, {
    metadata: { actor: 'bench-se', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: command.metadata.now },
    chain: true, seal: (e) => store.seal(e),
  });
  const out: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const caseId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const personId = `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const now = new Date().toISOString();
      await run(caseId, { type: 'OpenCase', data: { caseId, title: `Erasure bench ${i}`, offenceCategory: 'x', handlingCode: 'H0' }, metadata: meta(now) });
      const registered = await run(caseId, { type: 'RegisterPerson', data: { caseId, personId, category: 'suspect', pseudonym: `Erase me ${i}`, aliases: ['x'] }, metadata: meta(now) });
      await runner.waitForPosition(registered.position!, 10_000);
      const t0 = performance.now();
      const erased = await run(caseId, { type: 'ErasePersonalData', data: { caseId, personId, legalBasis: 'retention-period-ended', reason: 'bench' }, metadata: meta(new Date().toISOString()) });
      await runner.waitForPosition(erased.position!, 10_000);
      out.push(performance.now() - t0);
    }
  } finally {
    await runner.stop();
    await store.close();
  }
  return out;
}

import path from 'node:path';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { nthDetention, seedCases, type SeededCase } from '../api/seed.js';
import { load, measured, type Measured } from '../api/load.js';
import { caughtUp, startService, type Running } from '../api/servers.js';
import { makeTempDir } from '../support/files.js';
import { fmtInt } from '../support/stats.js';
import { renderTable } from '../support/table.js';

// Issue 14's budget, measured the way the api bench measures a command: two real services on the same
// seeded log, one with PERSONAL_DATA_ENCRYPTION=on and one with off, the same commands alternately, CPU
// per command summed over every thread from /proc. First the api bench's own command (RecordDetention:
// no personal field, so only the policy lookup and the envelope scans), then two dearer ones: RegisterPerson (four personal fields and
// a new data subject, so a new key in keys.db each time: the dearest case) and close/reopen (one personal
// field under the case's existing key: the common case of free text on a known subject).

export interface CommandCost {
  command: string;
  on: Measured;
  off: Measured;
  /** CPU µs per command added by encryption (on − off). */
  addedMicros: number;
}

type Side = { service: Running; tokens: string[]; cases: SeededCase[] };

const CASES = 200;
// Enough persons that no detention repeats over a full run (up to ~3,500 commands/s × 26 s per side).
const PERSONS = 500;
type Kind = 'detain' | 'register' | 'close';

async function side(dir: string, encryption: 'on' | 'off', at: Date): Promise<Side> {
  const cases = await seedCases(path.join(dir, 'events.db'), CASES, PERSONS, at);
  const service = await startService(dir, 0, undefined, { PERSONAL_DATA_ENCRYPTION: encryption });
  await caughtUp(service.url, 60_000);
  const tokens = await Promise.all(Array.from({ length: 4 }, (_, k) => mintDevToken({ country: 'SE', role: 'officer', sub: `bench-privacy-${k}`, dataDir: dir })));
  return { service, tokens, cases };
}

function registerPerson(s: Side, n: number) {
  const c = s.cases[n % s.cases.length];
  return {
    path: `/api/v1/cases/${c.caseId}/persons`,
    body: JSON.stringify({ category: 'suspect', name: `Bench Name ${n}`, pseudonym: `Bench ${n}`, aliases: [`b${n}`], birthYear: 2007 }),
  };
}

/** A detention of a person not detained before (as the api bench), round-robin over the cases. */
function detain(s: Side, n: number, at: Date) {
  const d = nthDetention(s.cases, PERSONS, n, at);
  return { path: d.path, body: JSON.stringify(d.body) };
}

/** Each case alternates close, reopen: round-robin over the cases keeps any one case's commands in order. */
function closeOrReopen(s: Side, n: number) {
  const c = s.cases[n % s.cases.length];
  const closing = Math.floor(n / s.cases.length) % 2 === 0;
  return { path: `/api/v1/cases/${c.caseId}/${closing ? 'close' : 'reopen'}`, body: JSON.stringify({ reason: `Bench ${closing ? 'closing' : 'reopening'} ${n}` }) };
}

export async function measureCommandCost(quick: boolean, say: (line: string) => void): Promise<CommandCost[]> {
  const duration = quick ? 3 : 8;
  const rounds = quick ? 1 : 3;
  const at = new Date();
  const tmpOn = makeTempDir('liaison-bench-privacy-on');
  const tmpOff = makeTempDir('liaison-bench-privacy-off');
  const sides = { on: await side(tmpOn.dir, 'on', at), off: await side(tmpOff.dir, 'off', at) };
  const cursor = { on: { detain: 0, register: 0, close: 0 }, off: { detain: 0, register: 0, close: 0 } };
  const run = (which: 'on' | 'off', kind: Kind, seconds: number) => {
    const s = sides[which];
    return measured(s.service.child.pid!, () => load({
      url: s.service.url, connections: 10, durationSec: seconds,
      headers: (i) => ({ authorization: `Bearer ${s.tokens[i % s.tokens.length]}` }),
      next: () => { const n = cursor[which][kind]++; return kind === 'detain' ? detain(s, n, at) : kind === 'register' ? registerPerson(s, n) : closeOrReopen(s, n); },
    }));
  };
  try {
    const out: CommandCost[] = [];
    for (const kind of ['detain', 'register', 'close'] as const) {
      // Warm-up: the JIT, and (close/reopen) every case's text key created, so the measured runs see known subjects.
      await run('on', kind, 2);
      await run('off', kind, 2);
      const on: Measured[] = [];
      const off: Measured[] = [];
      // Alternated, so drift in the machine's load hits both sides alike; the median round is kept.
      for (let r = 0; r < rounds; r++) {
        on.push(await run('on', kind, duration));
        off.push(await run('off', kind, duration));
      }
      const mid = (xs: Measured[]) => [...xs].sort((a, b) => (a.cpu?.total ?? 0) - (b.cpu?.total ?? 0))[Math.floor(xs.length / 2)];
      const m = { on: mid(on), off: mid(off) };
      const refused = m.on.load.non2xx + m.off.load.non2xx;
      if (refused > 0) say(`WARNING: ${refused} ${kind} commands refused`);
      const names = { detain: 'RecordDetention (the api bench\'s command)', register: 'RegisterPerson (4 fields, new subject)', close: 'CloseCase/ReopenCase (1 field, known subject)' };
      out.push({ command: names[kind], ...m, addedMicros: (m.on.cpu?.total ?? NaN) - (m.off.cpu?.total ?? NaN) });
    }
    return out;
  } finally {
    await sides.on.service.stop();
    await sides.off.service.stop();
    tmpOn.dispose();
    tmpOff.dispose();
  }
}

export function printCommandCost(costs: CommandCost[], target: number): void {
  const us = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? 'n/a' : `${Math.round(n)} µs`);
  console.log('\nCPU per command at 10 connections, all threads (/proc), encryption on vs off, same run:');
  console.log(renderTable(['command', 'cmd/s on', 'cmd/s off', 'CPU on', 'CPU off', 'added', `target <= ${target} µs`], costs.map((c) => [
    c.command, fmtInt(c.on.load.requestsPerSec), fmtInt(c.off.load.requestsPerSec), us(c.on.cpu?.total), us(c.off.cpu?.total),
    us(c.addedMicros), c.addedMicros <= target ? 'PASS' : 'MISS',
  ])));
}

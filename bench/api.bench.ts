// npm run bench -- api [--quick]
// The real service (built, embedded store, ES256 dev tokens) against ../shared/reference/append-server.mjs
// under the same load, in the same run: commands/s, p50/p99, ratio service ÷ reference.
import path from 'node:path';
import { mintDevToken } from '../apps/api/src/auth/index.js';
import { detentionBody, seedCases } from './api/seed.js';
import { load, type LoadResult } from './api/load.js';
import { startReference, startService } from './api/servers.js';
import { makeTempDir, writeResult } from './support/files.js';
import { fmtInt, fmtMs, fmtRatio } from './support/stats.js';
import { renderTable } from './support/table.js';

const CASES = 1000;
const TOKENS = 10;

async function caughtUp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${url}/ready`)).json()) as { details?: { projections?: { position?: string; head?: string } } };
    const p = body.details?.projections;
    if (p?.position !== undefined && p.head !== undefined && BigInt(p.position) >= BigInt(p.head)) return;
    if (Date.now() > deadline) throw new Error(`read models did not catch up within ${timeoutMs} ms: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const duration = quick ? 3 : 10;
  // Each request detains a person not detained before; enough for both service runs even at the
  // reference's rate (a person detained twice is a 422, which would skew the latencies).
  const personsPerCase = quick ? 50 : 120;
  const tmp = makeTempDir('liaison-bench-api');
  const at = new Date();
  try {
    console.log(`seeding ${CASES} cases × ${personsPerCase} persons …`);
    const cases = await seedCases(path.join(tmp.dir, 'events.db'), CASES, personsPerCase, at);
    // Each request takes the next unused person, round-robin over cases, so no command repeats.
    const cursors = { service: 0, reference: 0 };
    const nextDetention = (side: keyof typeof cursors) => {
      const n = cursors[side]++;
      const c = cases[n % cases.length];
      const personId = c.personIds[Math.floor(n / cases.length) % personsPerCase];
      return { caseId: c.caseId, body: detentionBody(personId, at) };
    };
    const service = await startService(tmp.dir, 0);
    // The load starts once the read models have caught up with the seeded log, or the first run
    // would also be timing the service's start-up catch-up.
    await caughtUp(service.url, 60_000);
    const tokens = await Promise.all(Array.from({ length: TOKENS }, (_, k) => mintDevToken({ country: 'SE', role: 'officer', sub: `bench-se-${k}`, dataDir: tmp.dir })));
    const reference = await startReference(3999 + Math.floor(Math.random() * 500), path.join(tmp.dir, 'reference-token.txt'));
    const serviceRun = (connections: number) => load({
      url: service.url, connections, durationSec: duration,
      headers: (i) => ({ authorization: `Bearer ${tokens[i % TOKENS]}` }),
      next: () => { const d = nextDetention('service'); return { path: `/api/v1/cases/${d.caseId}/detentions`, body: JSON.stringify(d.body) }; },
    });
    const referenceRun = (connections: number) => load({
      url: reference.url, connections, durationSec: duration,
      headers: () => ({ authorization: `Bearer ${reference.token}` }),
      next: (i) => { const d = nextDetention('reference'); return { path: '/', body: JSON.stringify({ caseId: d.caseId, commandId: `cmd-${i}`, ...d.body }) }; },
    });
    const results: Record<string, LoadResult> = {};
    try {
      // Alternate so drift in machine load hits both sides alike.
      results.service50 = await serviceRun(50);
      results.reference50 = await referenceRun(50);
      results.service10 = await serviceRun(10);
      results.reference10 = await referenceRun(10);
    } finally {
      await service.stop();
      await reference.stop();
    }
    const row = (name: string, r: LoadResult) => [name, fmtInt(r.requestsPerSec), fmtMs(r.p50), fmtMs(r.p99), fmtInt(r.non2xx), fmtInt(r.errors)];
    console.log(renderTable(['run', 'commands/s', 'p50', 'p99', 'non-2xx', 'errors'], [
      row('Liaison, 50 connections', results.service50), row('reference, 50 connections', results.reference50),
      row('Liaison, 10 connections', results.service10), row('reference, 10 connections', results.reference10),
    ]));
    const refused = results.service50.non2xx + results.service10.non2xx;
    if (refused > 0) console.log(`\nWARNING: ${refused} service requests were refused (non-2xx); their latencies are mixed into p50/p99`);
    const ratio50 = results.service50.requestsPerSec / results.reference50.requestsPerSec;
    const ratio10 = results.service10.requestsPerSec / results.reference10.requestsPerSec;
    console.log(`\nratio service ÷ reference: ${fmtRatio(ratio50)} at 50 connections (target ≥ 1.0: ${ratio50 >= 1 ? 'PASS' : 'MISS'}), ${fmtRatio(ratio10)} at 10`);
    console.log(`p99 at 10 connections: ${fmtMs(results.service10.p99)} (target ≤ 10 ms: ${results.service10.p99 <= 10 ? 'PASS' : 'MISS'})`);
    const file = writeResult('api', { quick, duration, cases: CASES, personsPerCase, results, ratio50, ratio10 });
    console.log(`results: ${path.relative(process.cwd(), file)}`);
  } finally {
    tmp.dispose();
  }
}

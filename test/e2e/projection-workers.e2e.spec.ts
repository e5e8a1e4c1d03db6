// The built service in its thread layouts: by default the read models split over two worker threads and
// appends committed by a writer thread; and one projection thread with the writer inline; queries on the
// query thread in both. Read-your-writes must wait for every projection thread, and every read model must answer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken, type DevCountry } from '../../apps/api/src/dev/dev-token.client.js';
import { runSeedStory, type SeedStoryResult } from '../../apps/api/src/demo/seed-story.scenario.js';
import { startLiaison, type LiaisonProcess } from './support/liaison-process.js';

// A poll of 10 minutes leaves the commit signal as the only thing that wakes a projection thread in
// time: read-your-writes below answers 503 if the signal from either kind of writer goes missing.
const SIGNAL_ONLY = { PROJECTION_POLL_MS: '600000' };
const LAYOUTS: { name: string; env: Record<string, string> }[] = [
  { name: 'defaults: two projection threads, writer thread', env: SIGNAL_ONLY },
  { name: 'one projection thread, inline writer', env: { ...SIGNAL_ONLY, PROJECTION_WORKERS: '1', STORE_WRITER: 'inline' } },
];

describe.each(LAYOUTS)('built service, $name', ({ env }) => {
  let dataDir: string;
  let liaison: LiaisonProcess;
  let story: SeedStoryResult;
  const token = (country: DevCountry, role: 'officer' | 'supervisor', sub: string) => mintDevToken({ country, role, sub, dataDir });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'liaison-e2e-workers-'));
    liaison = await startLiaison(dataDir, env);
    story = await runSeedStory({ baseUrl: liaison.baseUrl, token }, { now: new Date(Date.now() - 60_000) });
  }, 60_000);

  afterAll(async () => {
    await liaison?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers from every read model after waiting for the command position', async () => {
    const dk = await token('DK', 'officer', 'workers-dk');
    const get = async (url: string) => {
      const res = await fetch(`${liaison.baseUrl}${url}${url.includes('?') ? '&' : '?'}minPosition=${story.position}`, {
        headers: { authorization: `Bearer ${dk}`, 'x-purpose': 'worker split e2e check' },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { items: unknown[] } }).data;
    };
    // `cases` runs on one thread, the detention register on the other.
    expect((await get('/api/v1/cases')).items.length).toBeGreaterThan(0);
    expect((await get('/api/v1/detentions/counts?nationality=SE&holdingCountry=DK')).items)
      .toEqual([{ nationality: 'SE', holdingCountry: 'DK', count: story.expected.swedesDetainedInDenmark }]);
    // Queries run on the query thread: a client error there is still a 400 naming the field.
    const badCursor = await fetch(`${liaison.baseUrl}/api/v1/detentions?cursor=not-a-cursor`, {
      headers: { authorization: `Bearer ${dk}`, 'x-purpose': 'worker split e2e check' },
    });
    expect(badCursor.status).toBe(400);
    expect(((await badCursor.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['cursor']);
    const ready = (await (await fetch(`${liaison.baseUrl}/ready`)).json()) as { status: string; details: { projections: { position: string } } };
    expect(ready.status).toBe('ok');
    expect(BigInt(ready.details.projections.position)).toBeGreaterThanOrEqual(BigInt(story.position));
  });

  it('records 40 facts sent at once to one case from two countries, each at its own revision', async () => {
    // Commands on one case queue in the service, whichever thread commits: none races to a 409.
    const tokens = { SE: await token('SE', 'officer', 'burst-se'), DK: await token('DK', 'officer', 'burst-dk') };
    const results = await Promise.all(Array.from({ length: 40 }, async (_, i) => {
      const res = await fetch(`${liaison.baseUrl}/api/v1/cases/${story.cases.main}/persons`, {
        method: 'POST',
        headers: { authorization: `Bearer ${i % 2 ? tokens.DK : tokens.SE}`, 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'witness', pseudonym: `Burst ${i} (fictional)`, birthYear: 1990, nationalities: [] }),
      });
      return { status: res.status, revision: ((await res.json()) as { revision: number }).revision };
    }));
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect(new Set(results.map((r) => r.revision)).size).toBe(40);
  });
});

// Live pacing: under a steady stream of commits the live loop batches instead of applying one tiny
// page per commit, and adds no lag when commits are further apart than the interval.
import { afterEach, describe, expect, it } from '@jest/globals';
import { ALL_PROJECTIONS } from '../read-models/all-projections.js';
import { generateWorkload } from '../testing/workload.js';
import { tempStore, type TempStore } from '../testing/projection-harness.js';
import { ProjectionRunner } from './projection-runner.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ProjectionRunner live pacing', () => {
  let t: TempStore | undefined;
  afterEach(async () => t?.cleanup());

  /** Appends one command's events every `everyMs`; counts the pages the live loop applied. */
  async function streamCommits(minApplyIntervalMs: number, everyMs: number, commits: number) {
    t = tempStore();
    // One event per commit, in log order, so every commit is its own small transaction.
    const appends = generateWorkload({ cases: 30, seed: 11 }).events.slice(0, commits)
      .map((e) => ({ streamId: e.streamId, events: [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }] }));
    let pages = 0;
    const runner = new ProjectionRunner({ store: t.store, dir: t.readModelDir, projections: ALL_PROJECTIONS, minApplyIntervalMs, onProgress: () => pages++ });
    runner.start();
    await runner.waitForPosition(-1n, 5_000);
    await sleep(20);
    pages = 0;
    const lags: number[] = [];
    for (const a of appends) {
      const { position } = await t.store.append(a.streamId, a.events);
      const started = performance.now();
      void runner.waitForPosition(position, 5_000).then(() => lags.push(performance.now() - started));
      await sleep(everyMs);
    }
    expect(await runner.waitForPosition(await t.store.headPosition(), 5_000)).toBe(true);
    await sleep(20);
    await runner.stop();
    return { pages, lagMax: Math.max(...lags) };
  }

  it('batches a fast stream of commits into far fewer pages than commits', async () => {
    const unpaced = await streamCommits(0, 1, 60);
    await t?.cleanup();
    const paced = await streamCommits(25, 1, 60);
    // Every page reports progress once (plus catch-ups); pacing at 25 ms over ~70 ms of commits
    // leaves a handful of pages where the unpaced loop applies nearly one per commit.
    expect(unpaced.pages).toBeGreaterThan(30);
    expect(paced.pages).toBeLessThan(unpaced.pages / 3);
    expect(paced.lagMax).toBeLessThan(25 + 50);
  });

  it('adds no lag when commits are further apart than the interval', async () => {
    const { lagMax } = await streamCommits(10, 30, 8);
    expect(lagMax).toBeLessThan(10);
  });
});

// A live read-model file deleted under the runner, or found corrupt, is replaced by a fresh one built
// from the log (reported as recovering meanwhile), which ends equal to a from-scratch rebuild.
import { afterEach, describe, expect, it } from '@jest/globals';
import { casesProjection } from '../read-models/cases/cases.projection.js';
import { readModelChecksum } from '../testing/read-model-checksum.js';
import { generateWorkload } from '../testing/workload.js';
import { appendAll, readEverything, rebuiltChecksum, tempStore, type TempStore } from '../testing/projection-harness.js';
import type { Projection } from './projection.js';
import { removeFile } from './projection-files.js';
import { ProjectionRunner } from './projection-runner.js';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Runs `projection` over a workload, lets `damage` strike once caught up, and waits for a healthy file again. */
async function recoverWith(projection: Projection, damage: (runner: ProjectionRunner) => void = () => undefined): Promise<void> {
  t = tempStore('liaison-lost-file-');
  const log = generateWorkload({ cases: 60, seed: 11 });
  const head = await appendAll(t.store, log.events);
  let sawRecovering = false;
  const files = new Set<string>();
  const runner: ProjectionRunner = new ProjectionRunner({
    store: t.store, dir: t.readModelDir, projections: [projection], fallbackPollMs: 20,
    onProgress: () => {
      const [s] = runner.status();
      files.add(s.file);
      sawRecovering ||= s.recovering === true;
    },
  });
  runner.start();
  try {
    expect(await runner.waitForPosition(head, 10_000)).toBe(true);
    damage(runner);
    const deadline = Date.now() + 10_000;
    while ((files.size < 2 || runner.status()[0].recovering) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const [status] = runner.status();
    expect(files.size).toBe(2);
    expect(sawRecovering).toBe(true);
    expect(status.recovering).toBeUndefined();
    expect(status.error).toBeUndefined();
    expect(runner.instance('cases').checkpoint).toBe(head);
    expect(readModelChecksum(runner.instance('cases').db)).toBe(rebuiltChecksum(casesProjection, await readEverything(t.store)));
  } finally {
    await runner.stop();
  }
}

describe('ProjectionRunner with a lost read-model file', () => {
  it('builds a deleted file again from the log', async () => {
    await recoverWith(casesProjection, (runner) => removeFile(runner.instance('cases').file));
  });

  it('builds a file that reported corruption again from the log', async () => {
    let corruptOnce = true;
    const flaky: Projection = {
      ...casesProjection,
      evolve(rm, e) {
        // What SQLite says when it finds a damaged page: once, in the first file's build.
        if (corruptOnce && e.position > 100n) {
          corruptOnce = false;
          throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
        }
        casesProjection.evolve(rm, e);
      },
    };
    await recoverWith(flaky);
  });
});

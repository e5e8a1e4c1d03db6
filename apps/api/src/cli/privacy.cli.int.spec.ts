import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@liaison/event-store';
import { startHarness } from '../cases/commands/testing/case-commands.harness.js';
import { buildScenario, type Call } from '../audit/testing/audit-scenario.js';
import { auditCli } from '../audit/testing/audit-cli.js';
import { appendInterleaved, caseStream, caseValues } from '../privacy/seal/testing/plaintext-store.fixture.js';
import { tamperedCopy } from '../privacy/seal/testing/tampered-copy.js';

// `npm run privacy -- status|seal` as an operator runs it (tsx, a real process, stderr not a terminal)
// on a store written through the real command path, plus one case appended in clear as before
// encryption; then `npm run audit -- verify` on the sealed copy.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'liaison-privacy-cli-'));
const src = path.join(tmp, 'src');
const dst = path.join(tmp, 'sealed');

function privacy(...args: string[]): { status: number | null; out: string; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS; // Jest's VM-modules flag is not for the child.
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/cli/privacy.cli.ts'), ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr, stdout: r.stdout, stderr: r.stderr };
}

const v = caseValues(7);
const PERSONAL = ['Testperson Exempelsson', 'Fictional Copenhagen shootings', 'Fictional Malmö explosions', v.name, v.title, v.handler, v.closed];

beforeAll(async () => {
  const h = await startHarness();
  try {
    await buildScenario(h.call.bind(h) as Call, await h.token('SE', 'officer', 'se-1'));
    mkdirSync(src);
    // A consistent copy of the live files (keys.db too, once the command path encrypts).
    for (const file of ['events.db', 'keys.db']) {
      if (!existsSync(path.join(h.dataDir, file))) continue;
      const db = new Database(path.join(h.dataDir, file), { readonly: true });
      db.exec(`VACUUM INTO '${path.join(src, file)}'`);
      db.close();
    }
  } finally {
    await h.close();
  }
  const store = SqliteEventStore.open(path.join(src, 'events.db'));
  await appendInterleaved(store, [caseStream(7, 2)]);
  await store.close();
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run privacy', () => {
  it('status: a store with values in clear needs sealing; counts only, no value printed', () => {
    const r = privacy('status', src);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/needs sealing: yes/);
    expect(r.stdout).toMatch(/PersonRegistered/);
    for (const value of PERSONAL) expect(r.out).not.toContain(value);
  });

  it('seal: exit 0, plain progress lines on a non-terminal stderr, no personal value in its output or the new events.db; audit verify passes on the copy', () => {
    const r = privacy('seal', src, dst, '--operator', 'ops-1');
    expect(r.stdout).toMatch(/^sealed: /);
    expect(r.stdout).toMatch(/OK: counts per stream and in total match/);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/verify source: done/);
    expect(r.stderr).toMatch(/seal: done/);
    expect(r.stderr).toMatch(/verify copy: done/);
    expect(r.stderr).not.toContain('\r');
    const bytes = readFileSync(path.join(dst, 'events.db'));
    for (const value of PERSONAL) {
      expect(r.out).not.toContain(value);
      expect(bytes.includes(value)).toBe(false);
    }
    expect(JSON.parse(readFileSync(path.join(dst, 'seal-manifest.json'), 'utf8'))).toMatchObject({ operator: 'ops-1', positions: 'preserved' });
    const verify = auditCli(dst, 'verify');
    expect(verify.stdout).toMatch(/OK: every hash chain is intact/);
    expect(verify.status).toBe(0);
    expect(privacy('status', dst).stdout).toMatch(/needs sealing: no/);
  }, 60_000);

  it('usage: missing or extra arguments, an unknown command or option, or a target that is not empty: exit 2', () => {
    expect(privacy('seal', src).status).toBe(2);
    expect(privacy('launch', src, dst).status).toBe(2);
    expect(privacy('seal', src, path.join(tmp, 'x'), '--force').status).toBe(2);
    const taken = privacy('seal', src, dst);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toMatch(/is not an empty folder/);
  }, 60_000);

  it('a source whose chain is broken: exit 1, refused, nothing written', () => {
    const broken = tamperedCopy(src, path.join(tmp, 'broken'), "UPDATE events SET data = json_set(data, '$.title', 'Edited') WHERE type = 'CaseOpened'");
    const r = privacy('seal', broken, path.join(tmp, 'never'));
    expect(r.stdout).toMatch(/REFUSED: the source log does not verify/);
    expect(r.status).toBe(1);
    expect(existsSync(path.join(tmp, 'never'))).toBe(false);
  }, 60_000);
});

// The audit story against the real process (node dist/apps/api/src/main.js): a Danish officer reads
// a Swedish case with a purpose, the service is SIGKILLed the moment the answer arrives, and after a
// restart on the same DATA_DIR the Swedish supervisor finds the access, replays the case, and
// rebuilds exactly what the Danish officer received.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { buildScenario, eventually, httpCall, type Call, type Scenario } from '../../apps/api/src/audit/testing/audit-scenario.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(root, 'dist/apps/api/src/main.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-audit-e2e-'));
const PURPOSE = 'Extradition preparation, Danish prosecutor request 2026-0931';
let child: ChildProcess | undefined;
let output = '';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** `npm test` builds first; a direct jest run builds only when dist is missing or older than the sources. */
function ensureBuilt(): void {
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  if (built > Math.max(newestSource(path.join(root, 'apps/api/src')), newestSource(path.join(root, 'libs')))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
}

async function start(): Promise<Call> {
  // Read-model snapshots every few events, so the reproduction below starts from one (ADR 28).
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, EVENT_STORE: 'sqlite', LOG_LEVEL: 'warn', SNAPSHOT_EVERY: '5', SNAPSHOT_CHECK_MS: '100', SNAPSHOT_NICE: '5',
  };
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  delete env.TRUSTED_ISSUERS;
  const proc = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  proc.stdout.on('data', (d: Buffer) => { out += d.toString(); output += d.toString(); });
  proc.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const until = Date.now() + 20_000;
  for (;;) {
    const m = /Liaison is running: (http:\/\/\S+?)\/\s/.exec(out);
    if (m) return httpCall(m[1]);
    if (proc.exitCode !== null || Date.now() > until) throw new Error(`service did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function kill9(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

const token = (country: 'SE' | 'DK', role: 'officer' | 'supervisor', sub: string) => mintDevToken({ country, role, sub, dataDir });

beforeAll(() => ensureBuilt(), 180_000);
afterAll(async () => {
  if (child && child.exitCode === null) await kill9(child);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('access is logged durably, visible to the owner\'s supervisor, replayable and reproducible; partners see only their own', async () => {
  let call = await start();
  const [seOfficer, dkOfficer, seSup, dkSup] = await Promise.all([
    token('SE', 'officer', 'se-officer-7'), token('DK', 'officer', 'dk-officer-3'), token('SE', 'supervisor', 'se-sup-1'), token('DK', 'supervisor', 'dk-sup-1'),
  ]);
  const s: Scenario = await buildScenario(call, seOfficer);
  const detail = `/api/v1/cases/${s.sharedCaseId}`;

  expect((await call('GET', detail, { token: dkOfficer })).status).toBe(400);

  const got = await call('GET', detail, { token: dkOfficer, headers: { 'x-purpose': PURPOSE } });
  // Killed the instant the answer arrived: the record must already be on disk.
  await kill9(child as ChildProcess);
  expect(got.status).toBe(200);
  const entryId = got.headers.get('x-access-entry') as string;
  expect(entryId).toMatch(/^[0-9a-f-]{36}$/);

  call = await start();
  const purpose = { 'x-purpose': 'Supervisor review of Danish disclosure' };
  type Entry = { entryId: string; purpose: string; officer: { subject: string; country: string } };
  const list = async (tok: string, q = '') => (await call<{ data: { items: Entry[] } }>('GET', `/api/v1/audit/access${q}`, { token: tok, headers: purpose })).body.data.items;
  const entry = await eventually(async () => (await list(seSup, `?case=${s.sharedCaseId}`)).find((e) => e.entryId === entryId));
  expect(entry).toMatchObject({ purpose: PURPOSE, officer: { subject: 'dk-officer-3', country: 'DK' } });

  const timeline = (await call<{ data: { timeline: { type: string; recordedAt: string }[] } }>('GET', `/api/v1/audit/cases/${s.sharedCaseId}`, { token: seSup, headers: purpose })).body.data.timeline;
  const endedAt = Date.parse(timeline.find((e) => e.type === 'DetentionEnded')?.recordedAt ?? '');
  const before = await call<{ data: { state: { detentions: Record<string, { open: boolean }> }; detail: { detentions: { status: string }[] } } }>(
    'GET', `/api/v1/audit/cases/${s.sharedCaseId}?asOf=${new Date(endedAt - 1).toISOString()}`, { token: seSup, headers: purpose });
  expect(before.body.data.state.detentions[s.detentionId].open).toBe(true);
  expect(before.body.data.detail.detentions[0].status).toBe('open');

  // The view replays the cases read model from a snapshot a few events below readAt, not from 0.
  const casesSnapshots = () => fs.readdirSync(path.join(dataDir, 'snapshots'), { recursive: true }).filter((f) => /cases\/v\d+\/\d+\.\w+\.db$/.test(String(f)));
  await eventually(async () => (fs.existsSync(path.join(dataDir, 'snapshots')) && casesSnapshots().length > 0 ? true : undefined), 30_000);
  const view = await call<{ data: { answer: unknown; matchesRecord: boolean } }>('GET', `/api/v1/audit/access/${entryId}/view`, { token: seSup, headers: purpose });
  expect(view.status).toBe(200);
  expect(view.body.data.answer).toEqual(got.body);
  expect(view.body.data.matchesRecord).toBe(true);

  const seOnly = await call('GET', `/api/v1/cases/${s.swedishOnlyCaseId}`, { token: seOfficer, headers: { 'x-purpose': 'Internal Swedish follow-up' } });
  const seOnlyEntry = seOnly.headers.get('x-access-entry') as string;
  await eventually(async () => ((await list(seSup)).some((e) => e.entryId === seOnlyEntry) ? true : undefined));
  const dkSees = await list(dkSup);
  expect(dkSees.some((e) => e.entryId === entryId)).toBe(true);
  expect(dkSees.some((e) => e.entryId === seOnlyEntry)).toBe(false);
  expect(dkSees.filter((e) => e.officer.country === 'SE')).toEqual([]);
  expect((await call('GET', `/api/v1/audit/access/${seOnlyEntry}/view`, { token: dkSup, headers: purpose })).status).toBe(404);

  expect(output).not.toContain(PURPOSE);
}, 120_000);

/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the built
 * service (`npm run build` first), loaded with the seed story through the real command API.
 * Screenshots land in test/artifacts/ (git-ignored).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pw from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { devIssuerUrl, mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import type { DevCountry } from '../../apps/api/src/dev/dev-token.client.js';
import type { Role } from '../../apps/api/src/auth/scopes.js';
import { runSeedStory } from '../../apps/api/src/demo/seed-story.scenario.js';
import type { SeedStoryResult } from '../../apps/api/src/demo/seed-story.scenario.js';
import { ROOT, startService } from './service.harness.js';
import { signInThroughIdp } from './sign-in.support.js';
import type { RunningService } from './service.harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test/artifacts');
const PURPOSE = 'Investigation of an ongoing case';
const SLOW = 120_000;

let service: RunningService;
let story: SeedStoryResult;
let context: BrowserContext;
let profileDir: string;

const tokens = new Map<string, Promise<string>>();
function token(country: DevCountry, role: Role, sub = `e2e-${country.toLowerCase()}-${role}`): Promise<string> {
  const key = `${country}/${role}/${sub}`;
  if (!tokens.has(key)) tokens.set(key, mintDevToken({ country, role, sub, dataDir: service.dataDir }));
  return tokens.get(key) as Promise<string>;
}

async function api<T>(country: DevCountry, role: Role, pathAndQuery: string, purpose?: string): Promise<T> {
  const res = await fetch(`${service.url}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${await token(country, role)}`, ...(purpose ? { 'x-purpose': purpose } : {}) },
  });
  if (!res.ok) throw new Error(`${pathAndQuery}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function post<T>(country: DevCountry, pathName: string, body: object): Promise<T> {
  const res = await fetch(`${service.url}${pathName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(country, 'officer')}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${pathName}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Watched {
  page: Page;
  problems: string[];
  urls: string[];
}

/** A fresh tab (own sessionStorage) that records console errors, page errors and failed /api calls. */
async function openTab(width = 1280, height = 900): Promise<Watched> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const problems: string[] = [];
  const urls: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => urls.push(r.url()));
  page.on('response', (r) => {
    const u = new URL(r.url());
    if ((u.pathname.startsWith('/api/') || u.pathname.startsWith('/dev/')) && r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${u.pathname}`);
  });
  return { page, problems, urls };
}

async function finish(tab: Watched): Promise<void> {
  await tab.page.close();
  expect(tab.problems).toEqual([]);
  // Tokens travel in headers only, never in an address.
  const secrets = await Promise.all([...tokens.values()]);
  for (const u of tab.urls) for (const s of secrets) expect(u).not.toContain(s.slice(-40));
}

/** One entry of the chart's data list, exactly ("SE → DK: 15" does not match 1 or 150). */
function countItem(page: Page, nationality: string | null, holding: string, count: number) {
  return page.getByTestId('detention-counts').locator('li', { hasText: new RegExp(`^\\s*${nationality ?? '\\?\\?'} → ${holding}:\\s*${count}\\s*$`) });
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

async function signInAs(tab: Watched, label: string, baseUrl = service.url): Promise<void> {
  await tab.page.goto(baseUrl);
  await signInThroughIdp(tab.page, label);
}

async function choosePurpose(page: Page, purpose = PURPOSE): Promise<void> {
  await page.getByLabel('Purpose', { exact: true }).first().selectOption(purpose);
  await page.getByRole('button', { name: 'Continue' }).first().click();
  await page.getByTestId('purpose').waitFor();
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  service = await startService();
  story = await runSeedStory({ baseUrl: service.url, token: (c, r, s) => token(c, r, s) });
  // Everything the story wrote is visible before the first page loads.
  await api('SE', 'officer', `/api/v1/detentions/counts?minPosition=${story.position}`);
  profileDir = await mkdtemp(path.join(tmpdir(), 'liaison-chromium-'));
  context = await pw.chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, SLOW);

afterAll(async () => {
  await context?.close();
  await service?.stop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

type Counts = { data: { items: { nationality: string | null; holdingCountry: string; count: number }[] } };

/** Swedes held in Denmark, as the API tells a Danish officer. */
async function swedesInDenmark(): Promise<number> {
  const counts = await api<Counts>('DK', 'officer', '/api/v1/detentions/counts');
  return counts.data.items.find((i) => i.nationality === 'SE' && i.holdingCountry === 'DK')?.count ?? 0;
}

/** A Danish officer's overview showing `n` Swedes held in Denmark, with the live stream connected. */
async function liveDanishOverview(n: number): Promise<Watched> {
  const tab = await openTab();
  await signInAs(tab, 'Danish officer');
  await countItem(tab.page, 'SE', 'DK', n).waitFor();
  await tab.page.locator('.live-live').waitFor();
  return tab;
}

/** A Swedish officer registers a new Swedish suspect in the main case and records them held in Denmark. */
async function detainNewSwede(pseudonym: string, now: number): Promise<void> {
  const person = await post<{ personId: string }>('SE', `/api/v1/cases/${story.cases.main}/persons`, {
    category: 'suspect', pseudonym, birthYear: 2008, nationalities: [{ country: 'SE', evaluation: { source: 'B', information: 2 } }],
  });
  await post('SE', `/api/v1/cases/${story.cases.main}/detentions`, {
    personId: person.personId, holdingCountry: 'DK', facility: 'Test facility (fictional)', legalBasis: 'Retsplejeloven §762',
    detainedAt: new Date(now - 3600_000).toISOString(), nextCustodyReviewAt: new Date(now + 10 * 86_400_000).toISOString(),
  });
}

describe('dashboard in the browser', () => {
  test('a Danish officer sees detentions by nationality × holding country, with the API\'s counts', async () => {
    const counts = await api<Counts>('DK', 'officer', '/api/v1/detentions/counts');
    const seInDk = counts.data.items.find((i) => i.nationality === 'SE' && i.holdingCountry === 'DK')?.count;
    expect(seInDk).toBe(story.expected.swedesDetainedInDenmark);

    const tab = await openTab();
    await signInAs(tab, 'Danish officer');
    await countItem(tab.page, 'SE', 'DK', seInDk ?? -1).waitFor();
    for (const i of counts.data.items) await countItem(tab.page, i.nationality, i.holdingCountry, i.count).waitFor();
    await expect(tab.page.getByTestId('detention-counts').locator('li').count()).resolves.toBe(counts.data.items.length);
    await tab.page.locator('#detentions-now canvas').waitFor();
    await tab.page.getByTestId('handler-counts').waitFor();
    await tab.page.locator('#extraditions table').waitFor();
    await expect(tab.page.getByTestId('identity').innerText()).resolves.toContain('Denmark');
    await shot(tab.page, 'overview-dk-officer-1280');
    await tab.page.setViewportSize({ width: 768, height: 1024 });
    await tab.page.waitForTimeout(300);
    await shot(tab.page, 'overview-dk-officer-768');
    // Officers have no audit navigation.
    await expect(tab.page.getByRole('link', { name: 'Audit' }).count()).resolves.toBe(0);
    await finish(tab);
  }, SLOW);

  test('a Norwegian officer, with no case shared that has detentions, sees empty states', async () => {
    const tab = await openTab();
    await signInAs(tab, 'Norwegian officer');
    await tab.page.getByText('No one is detained in cases owned by or shared with Norway.').waitFor();
    await tab.page.getByText('No handlers abroad identified in cases shared with Norway.').waitFor();
    await expect(tab.page.getByTestId('detention-counts').count()).resolves.toBe(0);
    await shot(tab.page, 'overview-no-officer-empty');
    await finish(tab);
  }, SLOW);

  test('cases: purpose prompt, list with filters, case page with the H3 handling text', async () => {
    const tab = await openTab();
    await signInAs(tab, 'Danish officer');
    await tab.page.getByRole('link', { name: 'Cases' }).click();
    await tab.page.getByText('Why are you accessing this?').waitFor();
    await shot(tab.page, 'cases-purpose-prompt');
    await choosePurpose(tab.page);
    await tab.page.getByRole('link', { name: /Operation Nordlys/ }).waitFor();
    await tab.page.getByLabel('Title contains').fill('Skymning');
    await tab.page.getByRole('button', { name: 'Apply filters' }).click();
    // Skymning was already listed before filtering: wait for the filtered answer to replace the list.
    await tab.page.getByRole('link', { name: /Operation Nordlys/ }).waitFor({ state: 'detached' });
    await tab.page.getByRole('link', { name: /Operation Skymning/ }).waitFor();
    await expect(tab.page.getByRole('link', { name: /Operation Nordlys/ }).count()).resolves.toBe(0);
    await shot(tab.page, 'cases-list-filtered');
    await tab.page.getByRole('link', { name: /Operation Skymning/ }).click();
    await tab.page.getByTestId('h3-text').waitFor();
    await expect(tab.page.getByTestId('h3-text').innerText()).resolves.toContain('written consent of the Swedish Police Authority');
    await shot(tab.page, 'case-h3');

    await tab.page.goto(`${service.url}/cases/${story.cases.main}`); // deep link: SPA fallback + session survives reload
    await tab.page.locator('#case-detentions table').waitFor();
    await tab.page.getByTestId('timeline').waitFor();
    await shot(tab.page, 'case-main-dk-officer');
    await tab.page.setViewportSize({ width: 768, height: 1024 });
    await shot(tab.page, 'case-main-dk-officer-768');
    await finish(tab);
  }, SLOW);

  test('the Swedish supervisor scrubs the replay slider and sees a detention open before its DetentionEnded', async () => {
    type Replay = { data: { timeline: { type: string; position: string }[]; detail: { detentions: { detentionId: string; status: string }[] } } };
    const replayAt = (asOf?: string) =>
      api<Replay>('SE', 'supervisor', `/api/v1/audit/cases/${story.cases.main}${asOf ? `?asOf=${asOf}` : ''}`, 'Supervisory audit');
    const { timeline } = (await replayAt()).data;
    const k = timeline.findIndex((e) => e.type === 'DetentionEnded');
    expect(k).toBeGreaterThan(0);
    const before = (await replayAt(timeline[k - 1]?.position)).data.detail.detentions;
    const after = (await replayAt(timeline[k]?.position)).data.detail.detentions;
    const ended = after.find((d) => d.status === 'ended' && before.find((b) => b.detentionId === d.detentionId)?.status === 'open');
    expect(ended).toBeDefined();

    const tab = await openTab();
    await signInAs(tab, 'Swedish supervisor');
    await tab.page.getByRole('link', { name: 'Audit' }).click();
    await choosePurpose(tab.page, 'Supervisory audit');
    await tab.page.locator('#access-log table').waitFor();
    await shot(tab.page, 'audit-access-log');
    await tab.page.getByRole('link', { name: 'Reproduce' }).first().click();
    await tab.page.getByText('Reproduced answer matches the recorded hash').waitFor();
    await shot(tab.page, 'audit-reproduced-access');

    await tab.page.goto(`${service.url}/audit/cases/${story.cases.main}`);
    const slider = tab.page.getByRole('slider');
    await slider.waitFor();
    await slider.focus();
    await tab.page.keyboard.press('Home');
    for (let i = 0; i < k - 1; i++) await tab.page.keyboard.press('ArrowRight');
    await tab.page.getByTestId('replay-position').getByText(`position ${timeline[k - 1]?.position} `).waitFor();
    const row = tab.page.locator(`#replay-detentions tr[data-detention-id="${ended?.detentionId}"]`);
    await row.locator('.status-open').waitFor();
    await row.scrollIntoViewIfNeeded();
    await shot(tab.page, 'audit-replay-before-end', false);
    await tab.page.keyboard.press('ArrowRight');
    await tab.page.getByTestId('replay-position').getByText(`position ${timeline[k]?.position} `).waitFor();
    await row.locator('.status-ended').waitFor();
    await shot(tab.page, 'audit-replay-after-end', false);

    await tab.page.getByRole('button', { name: 'Verify hash chain' }).click();
    await tab.page.getByTestId('verify-result').getByText(/Chain intact/).waitFor();
    await shot(tab.page, 'audit-verify');
    await finish(tab);
  }, SLOW);

  test('a live update: a command posted elsewhere changes the count without a reload', async () => {
    const n = await swedesInDenmark();
    const tab = await liveDanishOverview(n);
    await tab.page.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 42; });

    await detainNewSwede('Live-update test (fictional)', Date.now());

    await countItem(tab.page, 'SE', 'DK', n + 1).waitFor({ timeout: 15_000 });
    await expect(tab.page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).resolves.toBe(42);
    await shot(tab.page, 'overview-live-update');
    await finish(tab);
  }, SLOW);

  test('under a steady stream of commands the counts keep moving, not only once the stream stops', async () => {
    const n = await swedesInDenmark();
    const tab = await liveDanishOverview(n);

    // One officer's client registering and detaining persons back to back for 5 s: the live stream
    // announces several times a second.
    const until = Date.now() + 5000;
    const stream = (async () => {
      for (let i = 0; Date.now() < until; i++) await detainNewSwede(`Stream ${i} (fictional)`, Date.now());
    })();
    const shown = new Set<string>();
    const item = tab.page.getByTestId('detention-counts').locator('li', { hasText: /^\s*SE → DK:/ });
    while (Date.now() < until) {
      shown.add((await item.textContent())?.trim() ?? '');
      await new Promise((r) => setTimeout(r, 100));
    }
    await stream;
    const during = [...shown].map((t) => Number(t.split(':')[1])).filter((c) => c > n);
    // Refreshed at least twice while the commands kept coming (a debounce would wait for a pause).
    expect(during.length).toBeGreaterThanOrEqual(2);
    await countItem(tab.page, 'SE', 'DK', await swedesInDenmark()).waitFor({ timeout: 15_000 });
    await finish(tab);
  }, SLOW);

  test('production mode: no development IdP (/dev/idp, /dev/token), and sign-in takes a pasted token', async () => {
    const issuers = JSON.stringify([{
      issuer: devIssuerUrl(service.dataDir, 'SE'), country: 'SE', algorithms: ['ES256'], jwksFile: path.join(service.dataDir, 'dev-idp', 'se.jwks.json'),
    }]);
    const prod = await startService({ NODE_ENV: 'production', TRUSTED_ISSUERS: issuers });
    try {
      const res = await fetch(`${prod.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"country":"SE","role":"officer"}' });
      expect(res.status).toBe(404);
      for (const p of ['/dev/idp/se/.well-known/openid-configuration', '/dev/idp/se/jwks', '/dev/idp/se/auth']) expect((await fetch(`${prod.url}${p}`)).status).toBe(404);
      const cfg = (await (await fetch(`${prod.url}/api/v1/client-config`)).json()) as { issuers: unknown[]; authMode: string };
      expect(cfg).toEqual({ authMode: 'configured', issuers: [] });

      const tab = await openTab();
      await tab.page.goto(prod.url);
      await tab.page.getByLabel('Access token (JWT)').waitFor();
      await expect(tab.page.getByRole('button', { name: /Sign in with/ }).count()).resolves.toBe(0);
      await shot(tab.page, 'signin-production');
      await tab.page.getByLabel('Access token (JWT)').fill(await token('SE', 'officer', 'pasted-se-officer'));
      await tab.page.getByRole('button', { name: 'Sign in' }).click();
      await tab.page.getByText('No one is detained in cases owned by or shared with Sweden.').waitFor();
      await shot(tab.page, 'overview-production-pasted-token');
      await finish(tab);
    } finally {
      await prod.stop();
    }
  }, SLOW);

  test('the development sign-in page offers each development IdP, and each IdP its officer, analyst and supervisor', async () => {
    const tab = await openTab();
    await tab.page.goto(service.url);
    for (const idp of ['Swedish', 'Danish', 'Norwegian', 'Finnish', 'Icelandic']) {
      await tab.page.getByRole('button', { name: `Sign in with ${idp} Police (development)` }).waitFor();
    }
    await tab.page.getByRole('button', { name: 'Sign in with Swedish Police (development)' }).focus();
    await shot(tab.page, 'signin-development');
    for (const idp of ['Swedish', 'Danish']) {
      await tab.page.goto(service.url);
      await tab.page.getByRole('button', { name: `Sign in with ${idp} Police` }).click();
      for (const role of ['officer', 'analyst', 'supervisor']) await tab.page.getByRole('button', { name: `${idp} ${role}`, exact: true }).waitFor();
      if (idp === 'Swedish') await shot(tab.page, 'signin-development-idp');
    }
    await finish(tab);
  }, SLOW);
});

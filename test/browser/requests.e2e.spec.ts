/**
 * Information requests in the browser (issue 13): the Requests view (incoming/outgoing tabs and
 * filters in the address, each open request's clock counting down, overdue in words and in red, the
 * linked case, a request's steps), the Deadlines board (buckets as the API gives them, the start-page
 * option surviving a reload), the Art. 18 statistics (the table equal to the hand-computed fixture,
 * a chart, the API's CSV downloaded), nothing of the SE↔DK exchange for NO, and a printed board with
 * its handling code. On the built service with the seed story plus requests.seed.ts, all through the
 * real API; Debian's Chromium.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import type { DevCountry } from '../../apps/api/src/dev/dev-token.client.js';
import type { DeadlinesBoard, InformationRequestEntry } from '../../apps/web/src/api/request-types.js';
import { DENMARK_FIGURES, NORWAY_FIGURES, SWEDEN_FIGURES, YEAR } from '../e2e/support/information-request-story.js';
import { PURPOSE, shot, until } from './platforms.support.js';
import type { Tab } from './platforms.support.js';
import { seedRequests } from './requests.seed.js';
import type { RequestSeed } from './requests.seed.js';
import { ROOT } from './service.harness.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';
import { pdfPages } from './pdf.support.js';

const get = dailySetup();
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);
let seed: RequestSeed;

const tokens = new Map<string, Promise<string>>();
const token = (country: DevCountry) => {
  if (!tokens.has(country)) tokens.set(country, mintDevToken({ country, role: 'officer', sub: `e2e-requests-${country.toLowerCase()}`, dataDir: get().service.dataDir }));
  return tokens.get(country) as Promise<string>;
};

async function post(country: 'SE' | 'DK', pathName: string, body: object) {
  const res = await fetch(`${get().service.url}${pathName}`, {
    method: 'POST', headers: { authorization: `Bearer ${await token(country)}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${pathName}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { position?: string | null; requestId?: string };
}

/** An API read as the browser's identity makes it, after the seed (each read model waits for it). */
async function read<T>(country: DevCountry, pathAndQuery: string, accept = 'application/json'): Promise<T> {
  const res = await fetch(`${get().service.url}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${await token(country)}`, 'x-purpose': PURPOSE, 'x-min-position': seed.position, accept },
  });
  if (!res.ok) throw new Error(`${pathAndQuery}: HTTP ${res.status} ${await res.text()}`);
  return (accept === 'text/csv' ? await res.text() : ((await res.json()) as { data: unknown }).data) as T;
}

beforeAll(async () => {
  seed = await seedRequests(post, Date.now(), get().story.cases.main);
  // Every read model the three views use has caught up before the first page loads.
  await read('DK', '/api/v1/information-requests?limit=1');
  await read('DK', '/api/v1/deadlines?limit=1');
  await read('DK', `/api/v1/statistics/information-exchange?year=${YEAR}`);
}, SLOW);

/** A new tab opened at `pathAndQuery`, signed in there as `identity` (the link survives sign-in), with a purpose stated. */
async function openAs(pathAndQuery: string, identity: string, statePurpose = true): Promise<Tab> {
  const tab = await openTab();
  await tab.page.goto(`${get().service.url}${pathAndQuery}`);
  await signInHere(tab.page, identity);
  if (statePurpose) await choosePurpose(tab.page);
  return tab;
}

const rowOf = (page: Page, requestId: string) => page.locator(`[data-testid="requests-table"] tr[data-request-id="${requestId}"]`);
const shownIds = (page: Page) => page.getByTestId('requests-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id')));
const color = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { color: string } }).getComputedStyle(el).color);
const DANGER = 'rgb(185, 28, 28)'; // --danger, #b91c1c

/** axe-core on the view's content (<main>): no serious or critical violation. Evaluated, as the page's CSP forbids inline scripts. */
let axeSource: Promise<string> | undefined;
async function expectAccessible(page: Page, view: string): Promise<void> {
  axeSource ??= readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate<boolean>('typeof axe === "object"'))) await page.evaluate(`${await axeSource};undefined`);
  const { violations, passes } = await page.evaluate<{ violations: { id: string; impact: string; nodes: number }[]; passes: number }>(`axe.run({ include: ['#main'] }, { resultTypes: ['violations'] })
    .then((r) => ({ passes: r.passes.length, violations: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) }))`);
  expect(passes).toBeGreaterThan(5);
  expect({ view, violations }).toEqual({ view, violations: [] });
}

describe('the Requests view', () => {
  test('incoming and outgoing tabs and filters live in the address (Back works); clocks count down; overdue is said in words and red', async () => {
    const { service, story } = get();
    const incoming = (await read<{ items: InformationRequestEntry[] }>('DK', '/api/v1/information-requests?direction=incoming&limit=100')).items;
    const outgoing = (await read<{ items: InformationRequestEntry[] }>('DK', '/api/v1/information-requests?direction=outgoing&limit=100')).items;
    const tab = await openAs('/requests', 'Danish officer');
    const { page } = tab;
    await page.getByTestId('requests-table').waitFor();
    await expect(page.getByRole('link', { name: /^Incoming/ }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(shownIds(page)).resolves.toEqual(incoming.slice(0, 25).map((r) => r.requestId));

    // The running clock: about 7 hours of the urgent request's 8 left, and it ticks.
    const running = rowOf(page, seed.running);
    await expect(running.getAttribute('data-clock')).resolves.toBe('running');
    const first = await running.getByTestId('countdown').innerText();
    expect(first).toMatch(/^[67] h \d\d min \d\d s left$/);
    await until(async () => (await running.getByTestId('countdown').innerText()) !== first, 5000);
    await expect(running.getByRole('link', { name: /running clock/ }).count()).resolves.toBe(1);

    // Overdue: the demo's unanswered request and the 2024 one, in words and in red.
    for (const id of [story.informationRequests.overdue.requestId, seed.ids.overdue]) {
      const row = rowOf(page, id);
      await expect(row.getAttribute('class')).resolves.toBe('overdue');
      await expect(row.getByTestId('countdown').innerText()).resolves.toMatch(/^overdue by \d+ days? \d+ h$/);
    }
    await expect(color(page, `tr[data-request-id="${seed.ids.overdue}"] [data-testid="countdown"]`)).resolves.toBe(DANGER);
    // A clarification asked in time stops the clock: paused, not overdue.
    await expect(rowOf(page, seed.ids.clarifying).getByTestId('paused').innerText()).resolves.toBe('Paused: a clarification is pending (Art. 6(3))');
    await shot(page, 'requests-incoming');
    await expectAccessible(page, 'requests');

    // Outgoing: the judicial authorisation DK awaits from SE is a paused clock too.
    await page.getByRole('link', { name: /^Outgoing/ }).click();
    await until(async () => new URL(page.url()).search === '?direction=outgoing');
    await until(async () => JSON.stringify(await shownIds(page).catch(() => [])) === JSON.stringify(outgoing.map((r) => r.requestId)));
    await expect(rowOf(page, story.informationRequests.awaitingAuthorisation.requestId).getByTestId('paused').innerText())
      .resolves.toBe('Paused: a judicial authorisation is awaited (Art. 5(2))');
    await page.goBack();
    await until(async () => new URL(page.url()).search === '');
    await rowOf(page, seed.running).waitFor();
    await expect(page.getByRole('link', { name: /^Incoming/ }).getAttribute('aria-current')).resolves.toBe('page');

    // Overdue only: a filter in the address; Back takes it away again.
    await page.getByLabel('Overdue only').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await until(async () => new URL(page.url()).search === '?overdue=1');
    const overdueIds = (await read<{ items: InformationRequestEntry[] }>('DK', '/api/v1/information-requests?direction=incoming&overdueOnly=true')).items.map((r) => r.requestId);
    await until(async () => JSON.stringify(await shownIds(page).catch(() => [])) === JSON.stringify(overdueIds));
    expect(overdueIds).toEqual(expect.arrayContaining([story.informationRequests.overdue.requestId, seed.ids.overdue]));
    await page.goBack();
    await rowOf(page, seed.running).waitFor();
    await expect(page.getByLabel('Overdue only').isChecked()).resolves.toBe(false);

    // The linked case, named by its title, and the request's own page with its steps.
    await running.getByRole('link', { name: /^Open case Operation Nordlys/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Operation Nordlys/ }).waitFor();
    await page.goBack();
    await running.getByRole('link', { name: /running clock/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Incoming request from Sweden/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/requests/${seed.running}`);
    await expect(page.getByTestId('request-clock').getByTestId('countdown').innerText()).resolves.toMatch(/^[67] h \d\d min \d\d s left$/);
    await expect(page.getByTestId('request-steps').innerText()).resolves.toMatch(/Request received by the requested single point of contact[\s\S]*Receipt acknowledged/);
    await expect(page.title()).resolves.toBe('Incoming request from Sweden · Liaison');
    await expectAccessible(page, 'request');
    await page.goto(`${service.url}/requests/${seed.ids.refused}`);
    await expect(page.getByTestId('refusal-grounds').innerText()).resolves.toContain('Art. 6(1)(g): the offence is punishable by one year\'s imprisonment or less');
    await shot(page, 'request-refused');
    // Printed, a request linked to no case the viewer may see is marked H1 and says no case is shown.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-header').innerText()).resolves.toMatch(/^H1\s+Handling code H1: Not to be passed on outside law enforcement \(no case shown\)\s+Incoming request from Sweden: /);
    await shot(page, 'request-refused-print');
    await page.emulateMedia({ media: 'screen' });
    await finish(tab);
  }, SLOW);
});

describe('the Deadlines board', () => {
  test('shows the API\'s buckets with live clocks, filters by kind in the address, and can be the start page across reloads', async () => {
    const { service } = get();
    const board = await read<DeadlinesBoard>('DK', '/api/v1/deadlines?limit=100');
    const tab = await openAs('/deadlines', 'Danish officer');
    const { page } = tab;
    await page.getByTestId('bucket-counts').waitFor();
    for (const b of ['overdue', 'next_8h', 'next_3d', 'later'] as const) {
      await expect(page.getByTestId(`count-${b}`).innerText()).resolves.toBe(String(board.counts[b]));
    }
    // Requests, custody reviews and extraditions merged, each in the bucket the API gave it.
    const shown = await page.locator('[data-testid^="deadlines-"] tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-kind')}:${r.getAttribute('data-bucket')}`));
    expect(shown).toEqual(board.items.map((i) => `${i.kind}:${i.bucket}`));
    expect([...new Set(shown.map((s) => s.split(':')[0]))]).toEqual(expect.arrayContaining(['information_request', 'custody_review']));
    await expect(page.getByTestId('deadlines-next_8h').locator(`tr[data-request-id="${seed.running}"] [data-testid="countdown"]`).innerText()).resolves.toMatch(/^[67] h \d\d min \d\d s left$/);
    await expect(page.getByTestId('deadlines-overdue').locator(`tr[data-request-id="${seed.ids.overdue}"] [data-testid="countdown"]`).innerText()).resolves.toMatch(/^overdue by /);
    await shot(page, 'deadlines-board');
    await expectAccessible(page, 'deadlines');

    await page.getByLabel('Kind').selectOption('information_request');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await until(async () => new URL(page.url()).search === '?kind=information_request');
    await until(async () => (await page.locator('[data-testid^="deadlines-"] tbody tr[data-kind="custody_review"]').count()) === 0);
    await page.goBack();
    await page.locator('tbody tr[data-kind="custody_review"]').first().waitFor();

    // The start page: a preference of this browser, one key holding the page's name and nothing else.
    const startPage = page.getByLabel(/Open Liaison on this board/);
    await expect(startPage.isChecked()).resolves.toBe(false);
    await startPage.check();
    await expect(page.evaluate<string>('JSON.stringify(Object.entries(localStorage))')).resolves.toBe('[["liaison.startPage","deadlines"]]');
    await page.goto(service.url);
    await page.getByRole('heading', { level: 1, name: /^Deadlines/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/deadlines');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Deadlines/ }).waitFor();
    await expect(page.getByLabel(/Open Liaison on this board/).isChecked()).resolves.toBe(true);
    // The Overview link still leads to the overview.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 1, name: /^Overview/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // Back to the default: a bare address opens the overview again.
    await page.goto(`${service.url}/deadlines`);
    await page.getByLabel(/Open Liaison on this board/).uncheck();
    await expect(page.evaluate<number>('localStorage.length')).resolves.toBe(0);
    await page.goto(service.url);
    await page.getByRole('heading', { level: 1, name: /^Overview/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await finish(tab);
  }, SLOW);

  test('prints with the strictest handling code of its cases as a running header, and who printed it', async () => {
    const { service } = get();
    const board = await read<DeadlinesBoard>('DK', '/api/v1/deadlines?limit=100');
    const order = ['H0', 'H1', 'H2', 'H3'];
    const strictest = order[Math.max(...board.items.map((i) => order.indexOf(i.handlingCode ?? '')))] as string;
    expect(strictest).toMatch(/^H[0-3]$/);
    const tab = await openAs('/deadlines', 'Danish officer');
    const { page } = tab;
    await page.getByTestId('deadlines-overdue').waitFor();
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'deadlines-print-media');
    await expect(page.locator('.topbar').evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string } }).getComputedStyle(el).display)).resolves.toBe('none');
    await expect(page.getByTestId('print-header').innerText()).resolves.toMatch(new RegExp(
      `^${strictest}\\s+(Strictest handling code of the cases shown: ${strictest} \\(.+\\)|Holds H3 material: see each case's handling instructions)\\s+Deadlines board$`));
    await expect(page.getByTestId('print-footer').innerText()).resolves
      .toMatch(new RegExp(`^Printed by \\S+ \\(Denmark, officer\\) on .+ · Purpose: ${PURPOSE} · Handling code ${strictest}$`));
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await writeFile(path.join(ROOT, 'test/artifacts/deadlines-print.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.map((p, i) => ({ page: i + 1, header: p.uris.includes(`${service.url}/deadlines`) }))).toEqual(pages.map((_, i) => ({ page: i + 1, header: true })));
    await finish(tab);
  }, SLOW);
});

describe('the Art. 18 statistics', () => {
  const tableLines = (page: Page) => page.getByTestId('statistics-table').locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-value')).join(',')));

  test('show each country the figures computed by hand, with a chart, year and country in the address, and the API\'s CSV to download', async () => {
    const { service } = get();
    const tab = await openAs('/statistics', 'Swedish officer', false);
    const { page } = tab;
    await page.getByTestId('statistics-table').waitFor();
    await page.getByLabel('Year', { exact: true }).selectOption(String(YEAR));
    await page.getByRole('button', { name: 'Show' }).click();
    await until(async () => new URL(page.url()).search === `?year=${YEAR}`);
    await until(async () => JSON.stringify(await tableLines(page)) === JSON.stringify(SWEDEN_FIGURES.slice(1)));
    await page.locator('#statistics-chart canvas').waitFor();
    await expect(page.getByTestId('figure-list').innerText()).resolves.toContain('Submitted (Art. 18(2)(a)): 4 (1 urgent, 3 not urgent)');
    await expect(page.title()).resolves.toBe(`Statistics ${YEAR} · Liaison`);
    await expectAccessible(page, 'statistics');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`information-exchange-SE-${YEAR}.csv`);
    const file = await readFile(await download.path() as string, 'utf8');
    expect(file).toBe(await read<string>('SE', `/api/v1/statistics/information-exchange?year=${YEAR}&format=csv`, 'text/csv'));
    expect(file.trimEnd().split('\r\n')).toEqual(SWEDEN_FIGURES);

    await page.getByLabel('Other country', { exact: true }).selectOption('DK');
    await page.getByRole('button', { name: 'Show' }).click();
    await until(async () => new URL(page.url()).search === `?year=${YEAR}&country=DK`);
    await until(async () => JSON.stringify(await tableLines(page)) === JSON.stringify(SWEDEN_FIGURES.slice(1).filter((l) => l.split(',')[3] === 'DK')));
    await shot(page, 'statistics-se-dk');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-header').innerText()).resolves.toMatch(new RegExp(`^H1\\s+Handling code H1: Not to be passed on outside law enforcement · figures only, no personal data\\s+Information exchange statistics ${YEAR}$`));
    await shot(page, 'statistics-print-media');
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();
    await until(async () => JSON.stringify(await tableLines(page)) === JSON.stringify(SWEDEN_FIGURES.slice(1)));
    await expect(page.getByLabel('Other country', { exact: true }).inputValue()).resolves.toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${service.url}/statistics?year=${YEAR}`);
    await signInHere(page, 'Danish officer');
    await until(async () => JSON.stringify(await tableLines(page).catch(() => [])) === JSON.stringify(DENMARK_FIGURES.slice(1)));
    await finish(tab);
  }, SLOW);
});

describe('a third country', () => {
  test('the Norwegian officer sees none of the SE↔DK requests: not in the register, not on the board, not by address; zero figures', async () => {
    const { service, story } = get();
    const tab = await openAs('/requests', 'Norwegian officer');
    const { page } = tab;
    await page.getByText('No incoming requests to Norway match.').waitFor();
    await page.getByRole('link', { name: /^Outgoing/ }).click();
    await page.getByText('No outgoing requests from Norway match.').waitFor();
    for (const id of [seed.running, seed.ids.refused, story.informationRequests.overdue.requestId]) {
      await page.goto(`${service.url}/requests/${id}`);
      await page.getByTestId('request-not-found').waitFor();
    }
    await page.goto(`${service.url}/deadlines`);
    await page.getByTestId('bucket-counts').waitFor();
    await page.locator('.state-loading').first().waitFor({ state: 'detached' }).catch(() => undefined);
    await expect(page.locator('tr[data-kind="information_request"]').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="/requests/"]').count()).resolves.toBe(0);
    await page.goto(`${service.url}/statistics?year=${YEAR}`);
    await until(async () => JSON.stringify(await page.getByTestId('statistics-table').locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-value')).join(','))).catch(() => [])) === JSON.stringify(NORWAY_FIGURES.slice(1)));
    await finish(tab, [/HTTP 404 \/api\/v1\/information-requests\//, /console: Failed to load resource: .*404/]);
  }, SLOW);
});

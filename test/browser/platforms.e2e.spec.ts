/**
 * The Platforms view in Debian's Chromium against the built service (`npm run build` first), with
 * referrals seeded through the command API (platforms.seed.ts). The view's figures are checked
 * against the API's own answers; screenshots and the briefing PDF land in test/artifacts/.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pw from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import type { DevCountry } from '../../apps/api/src/dev/dev-token.client.js';
import { COLUMNS, cellText, defaultPeriod, formatShare, platformLabel } from '../../apps/web/src/platforms/figures.js';
import type { PlatformFigures, PlatformResponsiveness, ReferralEntry } from '../../apps/web/src/api/referral-types.js';
import { seedPlatformReferrals } from './platforms.seed.js';
import { browserHelpers, PURPOSE, shot, until } from './platforms.support.js';
import type { PlatformSeed } from './platforms.seed.js';
import { ROOT, startService } from './service.harness.js';
import type { RunningService } from './service.harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test/artifacts');
const SLOW = 120_000;

let service: RunningService;
let seed: PlatformSeed;
let context: BrowserContext;
let profileDir: string;
const { openTab, finish, signIn, choosePurpose } = browserHelpers(() => context, () => service.url);

const tokens = new Map<string, Promise<string>>();
function token(country: DevCountry, role: 'officer' | 'supervisor' = 'officer'): Promise<string> {
  const key = `${country}/${role}`;
  if (!tokens.has(key)) tokens.set(key, mintDevToken({ country, role, sub: `e2e-${country.toLowerCase()}-${role}`, dataDir: service.dataDir }));
  return tokens.get(key) as Promise<string>;
}

async function get<T>(pathAndQuery: string, purpose?: string): Promise<T> {
  const res = await fetch(`${service.url}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${await token('SE')}`, 'x-min-position': seed.position, ...(purpose ? { 'x-purpose': purpose } : {}) },
  });
  if (!res.ok) throw new Error(`${pathAndQuery}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function post(country: 'SE' | 'DK', pathName: string, body: string | object, contentType = 'application/json') {
  const res = await fetch(`${service.url}${pathName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(country)}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${pathName}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { position?: string | null };
}

const responsiveness = async (query: string) => (await get<{ data: PlatformResponsiveness }>(`/api/v1/platforms/responsiveness?${query}`)).data;

/**
 * The responsiveness table's cells come to equal the API's figures, formatted as the view formats
 * them (polled: after a change of period or basis the previous answer stays until the next arrives).
 */
async function expectTable(page: Page, totals: PlatformFigures[]): Promise<void> {
  const expected = totals.map((t) => [platformLabel(t.platform), ...COLUMNS.map((c) => cellText(c, t))]);
  const shown = async () => Promise.all((await page.getByTestId('responsiveness-table').locator('tbody tr').all())
    .map(async (r) => [await r.locator('th').innerText(), ...(await r.locator('td[data-key]').allInnerTexts())]));
  await until(async () => JSON.stringify(await shown().catch(() => null)) === JSON.stringify(expected)).catch(() => undefined);
  expect(await shown()).toEqual(expected);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  service = await startService();
  seed = { position: '-1' } as PlatformSeed;
  seed = await seedPlatformReferrals(post, Date.now());
  profileDir = await mkdtemp(path.join(tmpdir(), 'liaison-chromium-'));
  context = await pw.chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, SLOW);

afterAll(async () => {
  await context?.close();
  await service?.stop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

describe('Platforms view in the browser', () => {
  test('figures, non-responding notice, removal orders apart, overdue list and action-day progress match the API', async () => {
    const period = defaultPeriod(new Date());
    const all = await responsiveness(`from=${period.from}&to=${period.to}`);
    const orders = await responsiveness(`from=${period.from}&to=${period.to}&basis=removal_order`);
    const telegram = all.platformTotals.find((t) => t.platform === 'telegram');
    const tiktok = all.platformTotals.find((t) => t.platform === 'tiktok');
    // The seed makes Telegram the silent one.
    expect(telegram?.unansweredAfter7dShare).toBeGreaterThanOrEqual(0.5);
    expect(tiktok?.unansweredAfter7dShare).toBeLessThan(0.5);
    expect(orders.platformTotals).toMatchObject([{ platform: 'tiktok', ordersSent: 6, ordersWithin1hShare: 0.5 }]);

    const tab = await openTab();
    await signIn(tab);
    await tab.page.getByRole('link', { name: 'Platforms' }).click();
    await expect(tab.page.getByRole('link', { name: 'Platforms' }).getAttribute('aria-current')).resolves.toBe('page');
    await expectTable(tab.page, all.platformTotals);
    const notice = tab.page.getByTestId('nonresponding-notice');
    await expect(notice.getByRole('heading').innerText()).resolves.toBe('Not responding: Telegram');
    await expect(notice.innerText()).resolves.toContain(`Telegram left ${formatShare(telegram?.unansweredAfter7dShare ?? null)} of ${telegram?.sent} sent referrals unanswered after 7 days`);
    await expect(tab.page.getByTestId('orders-table').locator('tbody tr').allInnerTexts()).resolves.toEqual([expect.stringMatching(/^TikTok\s+6\s+50%\s+\d+ h$/)]);
    for (const id of ['removal-rate', 'time-to-removal', 'unanswered']) await tab.page.locator(`#${id} canvas`).waitFor();

    // Overdue referrals are personal data: the purpose prompt comes first.
    const overdue = (await get<{ data: { items: ReferralEntry[] } }>('/api/v1/referrals/overdue?limit=100', PURPOSE)).data.items;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.some((r) => r.platform === 'telegram')).toBe(true);
    await choosePurpose(tab.page);
    const overdueRows = tab.page.getByTestId('overdue-table').locator('tbody tr');
    await overdueRows.first().waitFor();
    await expect(overdueRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-referral-id')))).resolves.toEqual(overdue.map((r) => r.referralId));
    for (const text of await overdueRows.locator('td.num').allInnerTexts()) expect(text).toMatch(/^\d+ d \d+ h$/);

    const progress = (await get<{ data: Record<string, number> }>(`/api/v1/referrals/action-days/${seed.actionDayId}`)).data;
    expect(progress).toMatchObject({ referred: seed.dayReferrals });
    const day = tab.page.locator(`[data-action-day-id="${seed.actionDayId}"]`);
    await expect(day.locator('strong[data-key="referred"]').innerText()).resolves.toBe(String(progress.referred));
    for (const k of ['sent', 'answered', 'removed']) {
      await expect(day.locator(`[data-key="${k}"]`).innerText()).resolves.toBe(`${progress[k]} of ${progress.referred}`);
    }
    await shot(tab.page, 'platforms-se-officer-1280');

    // 390 px wide: no horizontal page scroll (wide tables scroll inside their own box).
    await tab.page.setViewportSize({ width: 390, height: 844 });
    await tab.page.waitForTimeout(300);
    await expect(tab.page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await shot(tab.page, 'platforms-se-officer-390');
    await finish(tab);
  }, SLOW);

  test('period and basis live in the URL: the form, a deep link and Back', async () => {
    const period = defaultPeriod(new Date());
    const all = await responsiveness(`from=${period.from}&to=${period.to}`);
    const tos = await responsiveness(`from=${period.from}&to=${period.to}&basis=tos_referral`);
    const tab = await openTab();
    await signIn(tab);
    await tab.page.goto(`${service.url}/platforms`);
    await expectTable(tab.page, all.platformTotals);
    await tab.page.getByLabel('Basis', { exact: true }).selectOption('tos_referral');
    await tab.page.getByRole('button', { name: 'Show' }).click();
    await tab.page.waitForURL(/basis=tos_referral/);
    await expectTable(tab.page, tos.platformTotals);
    expect(new URL(tab.page.url()).searchParams.get('from')).toBe(period.from);

    await tab.page.goBack();
    await tab.page.waitForURL((u) => !u.search.includes('basis'));
    await expectTable(tab.page, all.platformTotals);
    await expect(tab.page.getByLabel('Basis', { exact: true }).inputValue()).resolves.toBe('');

    await tab.page.getByLabel('From month').fill('2020-01');
    await tab.page.getByLabel('To month').fill('2020-03');
    await tab.page.getByRole('button', { name: 'Show' }).click();
    await tab.page.getByText('No referrals in this period that Sweden may see.').waitFor();
    await expect(tab.page.getByTestId('briefing-scope').innerText()).resolves.toContain('Jan 2020 – Mar 2020');
    await tab.page.reload();
    await tab.page.getByText('No referrals in this period that Sweden may see.').waitFor();
    await finish(tab);
  }, SLOW);

  test('CSV export holds the table\'s rows, and the printed briefing is one A4 page of aggregates', async () => {
    const period = defaultPeriod(new Date());
    const all = await responsiveness(`from=${period.from}&to=${period.to}`);
    const tab = await openTab();
    await signIn(tab);
    await tab.page.goto(`${service.url}/platforms?from=${period.from}&to=${period.to}`);
    await expectTable(tab.page, all.platformTotals);

    const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`platform-responsiveness_${period.from}_${period.to}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    await writeFile(path.join(ARTIFACTS, 'platforms.csv'), csv);
    const lines = csv.split('\r\n');
    expect(lines.pop()).toBe('');
    const [header, ...rows] = lines.map((l) => l.split(','));
    expect(header).toEqual(['Platform', 'Operator', ...COLUMNS.map((c) => expect.stringContaining(c.header))]);
    const trs = tab.page.getByTestId('responsiveness-table').locator('tbody tr');
    const tableRows = await Promise.all(all.platformTotals.map((_, i) => trs.nth(i).locator('th, td').allInnerTexts()));
    expect(rows.map((r) => r.slice(0, 2))).toEqual(tableRows.map((r) => r.slice(0, 2)));
    all.platformTotals.forEach((t, i) => {
      const expected = COLUMNS.map((c) => {
        const v = t[c.key];
        return v === null ? '' : c.kind === 'share' ? String(Math.round(v * 1000) / 10) : String(v);
      });
      expect(rows[i]?.slice(2)).toEqual(expected);
    });

    await tab.page.emulateMedia({ media: 'print' });
    await expect(tab.page.locator('header.topbar').isVisible()).resolves.toBe(false);
    await expect(tab.page.getByRole('button', { name: 'Print briefing' }).isVisible()).resolves.toBe(false);
    await expect(tab.page.locator('#overdue').isVisible()).resolves.toBe(false);
    await expect(tab.page.locator('#action-days').isVisible()).resolves.toBe(false);
    const printedBy = await tab.page.getByTestId('printed-by').innerText();
    expect(printedBy).toMatch(/^Printed by Sweden \(officer\) on \d+ \w+ \d{4}, \d\d:\d\d UTC\. Aggregates only — no personal data\.$/);
    await shot(tab.page, 'platforms-briefing-print-media');
    const pdf = await tab.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await writeFile(path.join(ARTIFACTS, 'platforms-briefing.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await finish(tab);
  }, SLOW);

  test('referral ledger with action-day and platform filters and "More", the referral timeline, and a 404', async () => {
    const ledger = await get<{ data: { items: ReferralEntry[]; nextCursor?: string } }>(`/api/v1/referrals?actionDayId=${seed.actionDayId}&limit=100`, PURPOSE);
    expect(ledger.data.items).toHaveLength(seed.dayReferrals);
    const tab = await openTab();
    await signIn(tab);
    await tab.page.goto(`${service.url}/platforms`);
    await choosePurpose(tab.page);
    await tab.page.locator(`[data-action-day-id="${seed.actionDayId}"]`).getByRole('link', { name: 'Referrals of this day' }).click();
    await tab.page.waitForURL(/\/referrals\?actionDayId=/);
    const rows = tab.page.getByTestId('referrals-table').locator('tbody tr');
    await rows.nth(24).waitFor();
    await expect(rows.count()).resolves.toBe(25);
    await tab.page.getByRole('button', { name: 'More' }).click();
    await rows.nth(seed.dayReferrals - 1).waitFor();
    await expect(rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-referral-id')).sort())).resolves
      .toEqual(ledger.data.items.map((r) => r.referralId).sort());
    await expect(tab.page.getByRole('button', { name: 'More' }).count()).resolves.toBe(0);

    await tab.page.getByLabel('Platform').selectOption('telegram');
    await tab.page.getByRole('button', { name: 'Apply filters' }).click();
    await tab.page.waitForURL(/platform=telegram/);
    const telegram = ledger.data.items.filter((r) => r.platform === 'telegram');
    await until(async () => (await rows.count()) === telegram.length && (await rows.locator('td:nth-child(2)').allInnerTexts()).every((t) => t === 'Telegram'));
    await shot(tab.page, 'referrals-telegram-action-day');

    await tab.page.goto(`${service.url}/referrals/${seed.timelineReferralId}`);
    const steps = tab.page.getByTestId('referral-timeline').locator('li strong');
    await steps.first().waitFor();
    await expect(steps.allInnerTexts()).resolves.toEqual([
      'Referred to Telegram', 'Also referred by Denmark', 'Sent to Telegram', 'Acknowledged by Telegram', 'Declined by the platform',
    ]);
    // Every recorded step carries its own time (the ledger's steps), the co-referral too.
    await expect(tab.page.getByTestId('referral-timeline').locator('li time').count()).resolves.toBe(5);
    await expect(tab.page.getByTestId('referral-timeline').innerText()).resolves.toMatch(/Denmark[\s\S]*Reason: legal objection/);
    await shot(tab.page, 'referral-timeline');
    await tab.page.goto(`${service.url}/referrals/${seed.reappearedReferralId}`);
    await tab.page.getByText('Content reappeared (a new round starts)').waitFor();

    await tab.page.goto(`${service.url}/referrals/00000000-0000-4000-8000-000000000000`);
    await tab.page.getByTestId('referral-not-found').waitFor();
    await finish(tab, [/HTTP 404 \/api\/v1\/referrals\/0{8}-/, /console: Failed to load resource: .*404/]);
  }, SLOW);

  test('live: an outcome recorded elsewhere updates the figures and the overdue list without a reload', async () => {
    const period = defaultPeriod(new Date());
    const tab = await openTab();
    await signIn(tab);
    await tab.page.goto(`${service.url}/platforms`);
    await choosePurpose(tab.page);
    const row = tab.page.locator(`[data-testid="overdue-table"] tr[data-referral-id="${seed.openTelegramReferralId}"]`);
    await row.waitFor();
    await tab.page.locator('.live-live').waitFor();
    await tab.page.evaluate('window.marker = 42');

    const { position } = await post('SE', `/api/v1/referrals/${seed.openTelegramReferralId}/outcome`, { outcome: 'removed', at: new Date().toISOString() });
    seed.position = String(position);
    const after = await responsiveness(`from=${period.from}&to=${period.to}`);
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    const removed = tab.page.locator('tr[data-platform="telegram"] td[data-key="removed"]');
    const expected = String(after.platformTotals.find((t) => t.platform === 'telegram')?.removed);
    await until(async () => (await removed.innerText()) === expected, 15_000);
    await expectTable(tab.page, after.platformTotals);
    await expect(tab.page.evaluate('window.marker')).resolves.toBe(42);
    await finish(tab);
  }, SLOW);
});

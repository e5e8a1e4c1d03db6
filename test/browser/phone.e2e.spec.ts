/**
 * Phones (issue 19): at 390 px no view scrolls sideways (document scrollWidth <= clientWidth), and
 * data tables turn into cards with their column names. Every view is visited as the Swedish
 * supervisor (who sees all of them), plus the sign-in page.
 */
import type { Page } from 'playwright-core';
import { shot } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup, pageOverflow } from './daily.support.js';

const get = dailySetup();
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);
const WIDTH = 390;

/** Waits for the view's h1 and for loading indicators to go, then checks for sideways scroll. */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  await page.locator('#main h1').first().waitFor();
  await page.locator('.state-loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(200);
  const o = await pageOverflow(page);
  await shot(page, `phone-${name}`);
  expect({ view: name, ...o, fits: o.scrollWidth <= o.clientWidth }).toEqual({ view: name, ...o, fits: true });
}

describe('phone layout at 390 px', () => {
  test('no view scrolls sideways; tables become labelled cards', async () => {
    const { service, story } = get();
    const tab = await openTab(WIDTH, 844);
    const { page } = tab;
    await page.goto(service.url);
    await expectNoSidewaysScroll(page, 'sign-in');
    await signInHere(page, 'Swedish supervisor');
    await expectNoSidewaysScroll(page, 'overview');
    await page.goto(`${service.url}/cases`);
    await choosePurpose(page);
    await page.locator('.cases-table').waitFor();
    await expectNoSidewaysScroll(page, 'cases');
    // A table row is a card: its cells stack, each named by its column.
    const cell = page.locator('.cases-table tbody tr').first().locator('td').nth(1);
    await expect(cell.getAttribute('data-label')).resolves.toBe('Handling');
    await expect(cell.evaluate((td) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string } }).getComputedStyle(td).display)).resolves.toBe('block');

    for (const [name, path] of [
      ['case-main', `/cases/${story.cases.main}`], ['case-h3', `/cases/${story.cases.h3}`], ['platforms', '/platforms'],
      ['referrals', '/referrals'], ['requests', '/requests'], ['request', `/requests/${story.informationRequests.overdue.requestId}`],
      ['deadlines', '/deadlines'], ['statistics', '/statistics'], ['audit', '/audit'], ['audit-replay', `/audit/cases/${story.cases.main}`], ['not-found', '/no-such-page'],
    ] as const) {
      await page.goto(`${service.url}${path}`);
      if (name.startsWith('case-')) await page.locator('#case-detentions, #people').first().waitFor();
      if (name === 'referrals' || name === 'audit' || name === 'requests') await page.locator('#main table').first().waitFor();
      if (name === 'request') await page.getByTestId('request-steps').waitFor();
      if (name === 'deadlines') await page.locator('[data-testid^="deadlines-"]').first().waitFor();
      if (name === 'statistics') await page.getByTestId('statistics-table').waitFor();
      await expectNoSidewaysScroll(page, name);
    }
    await page.goto(`${service.url}/referrals`);
    await page.locator('#main tbody a').first().click();
    await expectNoSidewaysScroll(page, 'referral');
    await page.goto(`${service.url}/audit`);
    await page.getByRole('link', { name: /^Reproduce access by / }).first().click();
    await page.getByText(/Reproduced answer (matches|does NOT match)/).waitFor();
    await expectNoSidewaysScroll(page, 'audit-entry');
    await finish(tab);
  }, SLOW);
});

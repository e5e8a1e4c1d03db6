/**
 * Phones (issue 19): at 390 px no view scrolls sideways (document scrollWidth <= clientWidth), data
 * tables turn into cards with their column names, and axe finds nothing serious on the phone layout.
 * Every view of the shared table (views.support.ts) is visited as the Swedish supervisor, who sees all
 * of them, plus the sign-in page.
 */
import type { Page } from 'playwright-core';
import { shot } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup, pageOverflow } from './daily.support.js';
import { axeSerious } from './axe.support.js';
import { VIEWS, openView, viewContext } from './views.support.js';

const get = dailySetup();
const { openTab, finish, signInHere } = dailyHelpers(get);
const WIDTH = 390;

async function checkView(page: Page, name: string): Promise<void> {
  const o = await pageOverflow(page);
  await shot(page, `phone-${name}`);
  expect({ view: name, ...o, fits: o.scrollWidth <= o.clientWidth }).toEqual({ view: name, ...o, fits: true });
  expect({ view: name, axe: await axeSerious(page) }).toEqual({ view: name, axe: [] });
}

describe('phone layout at 390 px', () => {
  test('no view scrolls sideways; tables become labelled cards', async () => {
    const d = get();
    const context = await viewContext(d);
    const tab = await openTab(WIDTH, 844);
    const { page } = tab;
    for (const view of VIEWS.filter((v) => v.signedOut)) {
      await openView(page, d.service.url, view, context);
      await checkView(page, view.name);
    }
    await signInHere(page, 'Swedish supervisor');
    for (const view of VIEWS.filter((v) => !v.signedOut)) {
      await openView(page, d.service.url, view, context);
      await checkView(page, view.name);
      if (view.name === 'cases') {
        // A table row is a card: its cells stack, each named by its column.
        const cell = page.locator('.cases-table tbody tr').first().locator('td').nth(1);
        await expect(cell.getAttribute('data-label')).resolves.toBe('Handling');
        await expect(cell.evaluate((td) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string } }).getComputedStyle(td).display)).resolves.toBe('block');
      }
    }
    await finish(tab);
  }, SLOW * 2);
});

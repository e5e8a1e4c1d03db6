/**
 * Every view of the dashboard, once (issue 19): the phone, accessibility (axe) and print specs walk
 * this table, so a new view is one line here and all three check it. Views are visited as the Swedish
 * supervisor, who may open all of them, with a session purpose stated once.
 *
 * - `path`: the address, from the seed story (and, for views that need one, an access-log entry).
 * - `ready`: what shows once the view has its data (besides the h1).
 * - `signedOut`: shown before sign-in (the sign-in page).
 */
import type { Page } from 'playwright-core';
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import type { SeedStoryResult } from '../../apps/api/src/demo/seed-story.scenario.js';
import type { Daily } from './daily.support.js';
import { PURPOSE } from './platforms.support.js';

export interface ViewContext {
  story: SeedStoryResult;
  /** An access-log entry of a case read by another officer (the reproducible view's subject). */
  entryId: string;
}

export interface View {
  name: string;
  path: (c: ViewContext) => string;
  ready?: string;
  signedOut?: boolean;
}

export const VIEWS: readonly View[] = [
  { name: 'sign-in', path: () => '/sign-in', ready: 'button', signedOut: true },
  { name: 'overview', path: () => '/', ready: 'canvas' },
  { name: 'cases', path: () => '/cases', ready: '.cases-table' },
  { name: 'case-main', path: (c) => `/cases/${c.story.cases.main}`, ready: '#case-detentions table' },
  { name: 'case-h3', path: (c) => `/cases/${c.story.cases.h3}`, ready: '[data-testid="h3-text"]' },
  { name: 'search', path: () => '/search?q=Ungdom', ready: '[data-testid="search-results"]' },
  { name: 'platforms', path: () => '/platforms', ready: 'table' },
  { name: 'referrals', path: () => '/referrals', ready: 'tbody a' },
  { name: 'referral', path: (c) => `/referrals/${c.story.referrals?.referralIds.coReferredWithCase}`, ready: '[data-testid="referral-timeline"]' },
  { name: 'requests', path: () => '/requests', ready: '#main table' },
  { name: 'request', path: (c) => `/requests/${c.story.informationRequests.overdue.requestId}`, ready: '[data-testid="request-steps"]' },
  { name: 'deadlines', path: () => '/deadlines', ready: '[data-testid^="deadlines-"]' },
  { name: 'statistics', path: () => '/statistics', ready: '[data-testid="statistics-table"]' },
  { name: 'retention-reviews', path: () => '/retention-reviews', ready: '#retention-overdue' },
  { name: 'audit', path: () => '/audit', ready: '.access-table' },
  { name: 'audit-entry', path: (c) => `/audit/access/${c.entryId}`, ready: '[data-testid="diff-summary"]' },
  { name: 'audit-replay', path: (c) => `/audit/cases/${c.story.cases.main}`, ready: '[data-testid="replay-position"]' },
  { name: 'not-found', path: () => '/no-such-page' },
];

/**
 * What the views need beyond the seed story: a Danish officer's read of the main case, so the
 * supervisor's access log has another officer's entry to reproduce (own reads are hidden).
 */
export async function viewContext(d: Daily): Promise<ViewContext> {
  const { service, story } = d;
  const dk = await mintDevToken({ country: 'DK', role: 'officer', sub: 'views-dk-officer', dataDir: service.dataDir });
  const read = await fetch(`${service.url}/api/v1/cases/${story.cases.main}?minPosition=${story.position}`,
    { headers: { authorization: `Bearer ${dk}`, 'x-purpose': PURPOSE } });
  if (!read.ok) throw new Error(`DK read of the main case: HTTP ${read.status}`);
  const entryId = read.headers.get('x-access-entry');
  if (!entryId) throw new Error('the read answered without an X-Access-Entry header');
  return { story, entryId };
}

/**
 * Opens a view in a tab that is signed in (or out, for `signedOut` views) and waits for it to show
 * its data: the h1, the view's `ready` element, no loading indicator left.
 */
export async function openView(page: Page, baseUrl: string, view: View, c: ViewContext): Promise<void> {
  await page.goto(`${baseUrl}${view.path(c)}`);
  await page.locator('#main h1, main h1').first().waitFor();
  const prompt = page.getByLabel('Purpose', { exact: true }).first();
  if (!view.signedOut && (await prompt.isVisible().catch(() => false))) {
    await prompt.selectOption(PURPOSE);
    await page.getByRole('button', { name: 'Continue' }).first().click();
  }
  if (view.ready) await page.locator(view.ready).first().waitFor({ timeout: 15_000 });
  await page.locator('.state-loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(150);
}

/**
 * Browser helpers of the Platforms spec: tabs that record problems, sign-in, purpose, polling,
 * screenshots. They need the running service and browser context, given as getters.
 */
import path from 'node:path';
import { afterEach } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './service.harness.js';
import { signInThroughIdp } from './sign-in.support.js';

const ARTIFACTS = path.join(ROOT, 'test/artifacts');
export const PURPOSE = 'Investigation of an ongoing case';

export interface Tab { page: Page; problems: string[] }

/** Polls until `check` holds (Playwright's expect.poll is not available under Jest). */
export async function until(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not reached in ${timeout} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });

export function browserHelpers(context: () => BrowserContext, baseUrl: () => string) {
  // A test that fails before finish() leaves its tab open, and with it a signed-in session that every
  // tab of the context shares: close such tabs after each test, so one failure cannot fail the next.
  const open = new Set<Page>();
  afterEach(async () => {
    for (const page of open) await page.close().catch(() => undefined);
    open.clear();
  });

  /** A fresh tab recording console errors, page errors and failed /api calls. */
  async function openTab(width = 1280, height = 900): Promise<Tab> {
    const page = await context().newPage();
    open.add(page);
    page.once('close', () => open.delete(page));
    await page.setViewportSize({ width, height });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/') && r.status() >= 400) problems.push(`HTTP ${r.status()} ${u.pathname}`);
    });
    return { page, problems };
  }

  /** Closes the tab; any recorded problem not matched by `expected` fails the test. */
  async function finish(tab: Tab, expected: RegExp[] = []): Promise<void> {
    await tab.page.close();
    expect(tab.problems.filter((p) => !expected.some((e) => e.test(p)))).toEqual([]);
  }

  async function signIn(tab: Tab): Promise<void> {
    await tab.page.goto(baseUrl());
    await signInThroughIdp(tab.page, 'Swedish officer');
  }

  async function choosePurpose(page: Page): Promise<void> {
    await page.getByLabel('Purpose', { exact: true }).first().selectOption(PURPOSE);
    await page.getByRole('button', { name: 'Continue' }).first().click();
    await page.getByTestId('purpose').waitFor();
  }

  return { openTab, finish, signIn, choosePurpose };
}

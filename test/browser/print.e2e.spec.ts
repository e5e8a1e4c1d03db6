/**
 * Printing any view (issue 19), over the shared view table (views.support.ts): no navigation chrome,
 * the handling code in a running header on every page, and a footer with who printed it, when and
 * for what purpose. Checked twice: in the print media DOM (what is shown and hidden, the frame's
 * repeating header/footer groups, chart figures shown), and in the PDF Chromium makes (the header's
 * link annotation present on every page). The wave case (H2) must take more than one page.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PURPOSE } from './platforms.support.js';
import { ROOT } from './service.harness.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';
import { pdfPages } from './pdf.support.js';
import { VIEWS, openView, viewContext } from './views.support.js';

const get = dailySetup();
const { openTab, finish, signInHere } = dailyHelpers(get);

const display = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string } }).getComputedStyle(el).display);

describe('printing every view', () => {
  test('each printed page carries the handling code; the footer says who, when and why; no navigation', async () => {
    const d = get();
    const context = await viewContext(d);
    const tab = await openTab();
    const { page } = tab;
    await page.goto(d.service.url);
    await signInHere(page, 'Swedish supervisor');
    const summary: Record<string, { pages: number; header: string }> = {};
    for (const view of VIEWS.filter((v) => !v.signedOut)) {
      await openView(page, d.service.url, view, context);
      // On screen: no print header or footer.
      await expect(page.getByTestId('print-header').isVisible()).resolves.toBe(false);
      await page.emulateMedia({ media: 'print' });
      for (const chrome of ['.topbar', '.purpose-bar']) expect([view.name, chrome, await display(page, chrome)]).toEqual([view.name, chrome, 'none']);
      for (const button of ['Sign out', 'Change purpose']) {
        await expect(page.getByRole('button', { name: button }).isVisible()).resolves.toBe(false);
      }
      await expect(display(page, '.print-frame > thead')).resolves.toBe('table-header-group');
      await expect(display(page, '.print-frame > tfoot')).resolves.toBe('table-footer-group');
      const header = await page.getByTestId('print-header').innerText();
      expect([view.name, header]).toEqual([view.name, expect.stringMatching(/^H[0-3]\s/)]);
      const footer = await page.getByTestId('print-footer').innerText();
      expect([view.name, footer]).toEqual([view.name, expect.stringMatching(
        new RegExp(`^Printed by \\S+ \\(Sweden, supervisor\\) on \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d \\w+ · Purpose: ${PURPOSE} · Handling code H[0-3]$`))]);
      // Charts print with their figures, opened or not.
      for (const table of await page.locator('details.data-table-toggle table').all()) await expect(table.isVisible()).resolves.toBe(true);

      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      await writeFile(path.join(ROOT, `test/artifacts/print-${view.name}.pdf`), pdf);
      const pages = pdfPages(pdf);
      const source = view.name.startsWith('case-') ? `${d.service.url}${view.path(context)}` : page.url();
      expect([view.name, pages.map((p) => p.uris.includes(source))]).toEqual([view.name, pages.map(() => true)]);
      summary[view.name] = { pages: pages.length, header: header.split('\n')[0] ?? '' };
      await page.emulateMedia({ media: 'screen' });
    }
    // The strictest handling code of what is shown marks each print.
    expect(summary['case-main']?.header).toMatch(/^H2\b/);
    expect(summary['case-h3']?.header).toMatch(/^H3\b/);
    expect(summary.search?.header).toMatch(/^H2\b/);
    expect(summary.cases?.header).toMatch(/^H3\b/);
    // Figures alone print as H1; the overview's custody reviews (wave case, H2) raise it to H2.
    expect(summary.overview?.header).toMatch(/^H2\b/);
    expect(summary.platforms?.header).toMatch(/^H1\b/);
    expect(summary['case-main']?.pages).toBeGreaterThan(1);
    await finish(tab);
  }, SLOW * 2);
});

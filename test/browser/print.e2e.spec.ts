/**
 * Printing a case (issue 19): no navigation chrome, the handling code in a running header on every
 * page, and a footer with who printed it, when and for what purpose. Checked twice: in the print
 * media DOM (what is shown and hidden, the frame's repeating header/footer groups), and in the PDF
 * Chromium makes (page count, and the header's link annotation present on every page).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PURPOSE } from './platforms.support.js';
import { ROOT } from './service.harness.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';
import { pdfPages } from './pdf.support.js';

const get = dailySetup();
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);

const display = (page: import('playwright-core').Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string } }).getComputedStyle(el).display);

describe('printing a case', () => {
  test('every printed page carries the handling code; the footer says who, when and why; no navigation', async () => {
    const { service, story } = get();
    const tab = await openTab();
    const { page } = tab;
    await page.goto(`${service.url}/cases/${story.cases.main}`);
    await signInHere(page, 'Swedish officer');
    await choosePurpose(page);
    await page.locator('#case-detentions table').waitFor();
    // On screen: no print header or footer.
    await expect(page.getByTestId('print-header').isVisible()).resolves.toBe(false);

    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.topbar', '.purpose-bar', '.back-link']) await expect(display(page, chrome)).resolves.toBe('none');
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Change purpose' }).isVisible()).resolves.toBe(false);
    await expect(display(page, '.print-frame > thead')).resolves.toBe('table-header-group');
    await expect(display(page, '.print-frame > tfoot')).resolves.toBe('table-footer-group');
    await expect(page.getByTestId('print-header').innerText()).resolves.toMatch(/^H2\s/);
    const footer = await page.getByTestId('print-footer').innerText();
    expect(footer).toMatch(new RegExp(`^Printed by \\S+ \\(Sweden, officer\\) on \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d \\w+ · Purpose: ${PURPOSE} · Handling code H2$`));

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await writeFile(path.join(ROOT, 'test/artifacts/case-print.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const source = `${service.url}/cases/${story.cases.main}`;
    expect(pages.map((p, i) => ({ page: i + 1, header: p.uris.includes(source) }))).toEqual(pages.map((_, i) => ({ page: i + 1, header: true })));
    await finish(tab);
  }, SLOW);
});

/**
 * axe-core in the page: its script injected as it is shipped (no CDN, no other package), run on the
 * whole document. Serious and critical violations fail the specs that call this. The service's CSP
 * (script-src 'self') refuses an inline <script> (addScriptTag), as it should; the source is
 * evaluated through the DevTools protocol instead, which a page's CSP does not govern.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface AxeProblem { id: string; impact: string; help: string; targets: string[] }

/** Serious and critical violations on the page as it stands, each with (up to 5 of) its elements. */
export async function axeSerious(page: Page): Promise<AxeProblem[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(`${await source}\n;true`);
  return page.evaluate<AxeProblem[]>(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  })()`);
}

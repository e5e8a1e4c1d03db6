/**
 * Search (issue 19) in the dashboard: the header's box leads to the results view (`/search?q=`),
 * which finds a teen by pseudonym and by alias, each hit under its case with a link that names the
 * case; results follow what is typed; nothing comes from a case the viewer's country may not see.
 */
import { shot, until } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';

const get = dailySetup();
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);

const hits = (page: import('playwright-core').Page) => page.getByTestId('search-hit').allInnerTexts();

describe('search', () => {
  test('finds a pseudonym and an alias under their case, and nothing of a case not shared with the viewer', async () => {
    const { service, story } = get();
    const tab = await openTab();
    const { page } = tab;
    await page.goto(service.url);
    await signInHere(page, 'Swedish officer');
    // The header's box: an alias.
    await page.getByRole('searchbox', { name: 'Search cases, people and handlers' }).fill('Lillebror');
    await page.getByRole('search', { name: 'Search cases, people and handlers' }).getByRole('button', { name: 'Search' }).click();
    await choosePurpose(page);
    await page.getByTestId('search-results').waitFor();
    expect(new URL(page.url()).search).toBe('?q=Lillebror');
    await expect(hits(page)).resolves.toEqual(['Person Ungdom B · also Lillebror']);
    await expect(page.getByTestId('search-hit').locator('mark').allInnerTexts()).resolves.toEqual(['Lillebror']);
    const open = page.getByRole('link', { name: /^Open case Operation Nordlys \(fictional\)/ });
    await expect(open.count()).resolves.toBe(1);
    await shot(page, 'search-alias');

    // Type-ahead on the results view: a pseudonym's first letters, the address following.
    const box = page.getByLabel('Search titles, case ids, pseudonyms, aliases, handlers, platforms, facilities');
    await box.fill('ungdo');
    await until(async () => new URL(page.url()).search === '?q=ungdo' && (await hits(page)).length === 17);
    expect(new Set((await hits(page)).map((h) => h.replace(/ ·.*$/, '')))).toEqual(new Set([...'ABCDEFGHIJKLMNOPQ'].map((l) => `Person Ungdom ${l}`)));
    await box.fill('Ungdom D');
    await until(async () => (await hits(page)).join('|') === 'Person Ungdom D');
    await shot(page, 'search-pseudonym');

    // The Danish case is shared with nobody: no hit, for its title, its person or its id.
    for (const q of ['Havnefront', story.cases.dkOnly]) {
      await page.goto(`${service.url}/search?q=${encodeURIComponent(q)}`);
      await page.getByText(`Nothing found for “${q}” in the cases Sweden may see.`).waitFor();
      await expect(page.getByTestId('search-hit').count()).resolves.toBe(0);
    }
    await shot(page, 'search-nothing');

    // The link opens the case.
    await page.goto(`${service.url}/search?q=kniven`);
    await page.getByRole('link', { name: /^Open case Operation Nordlys/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Operation Nordlys/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${story.cases.main}`);
    await page.getByText('also known as kniven_cph').waitFor();
    await page.goBack();
    await page.getByTestId('search-results').waitFor();
    await expect(hits(page)).resolves.toEqual(['Person Ungdom K · also kniven_cph']);
    await finish(tab);
  }, SLOW);

  test('a Danish officer finds the Danish case the Swedish officer could not', async () => {
    const { service, story } = get();
    const tab = await openTab();
    await tab.page.goto(`${service.url}/search?q=Havnefront`);
    await signInHere(tab.page, 'Danish officer');
    await choosePurpose(tab.page);
    await tab.page.getByTestId('search-results').waitFor();
    await expect(hits(tab.page)).resolves.toEqual(expect.arrayContaining(['Case Operation Havnefront (fictional): local accomplices, Copenhagen harbour', 'Person Havnefront-ung 1']));
    await tab.page.getByRole('link', { name: /^Open case Operation Havnefront/ }).click();
    expect(new URL(tab.page.url()).pathname).toBe(`/cases/${story.cases.dkOnly}`);
    await finish(tab);
  }, SLOW);
});

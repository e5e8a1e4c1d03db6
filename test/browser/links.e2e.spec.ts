/**
 * Links that survive sign-in and live in the address (issue 19): deep link → sign in → that view;
 * the session handed to a new tab and signed out everywhere; list filters and pages in the URL
 * (Back, reload); focus on the page's h1 and a document title after navigation and sign-in; link
 * texts that name their object.
 */
import { shot, until } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';

const get = dailySetup();
const { openTab, finish, choosePurpose, signInHere, focusAndTitle } = dailyHelpers(get);

describe('links, session and focus', () => {
  test('a case link opened signed out leads, after sign-in, to that case with focus on its heading', async () => {
    const { service, story } = get();
    const tab = await openTab();
    await tab.page.goto(`${service.url}/cases/${story.cases.main}`);
    await signInHere(tab.page, 'Danish officer');
    expect(new URL(tab.page.url()).pathname).toBe(`/cases/${story.cases.main}`);
    await until(async () => (await focusAndTitle(tab.page)).tag === 'H1');
    await expect(focusAndTitle(tab.page)).resolves.toMatchObject({ text: 'Open a case' });
    await choosePurpose(tab.page);
    await tab.page.getByRole('heading', { level: 1, name: /^Operation Nordlys/ }).waitFor();
    await until(async () => /^Operation Nordlys .* · Liaison$/.test((await focusAndTitle(tab.page)).title));
    // The purpose prompt's heading was replaced by the case's: focus follows to the new h1.
    await until(async () => (await focusAndTitle(tab.page)).text.startsWith('Operation Nordlys'));
    await finish(tab);
  }, SLOW);

  test('a second tab starts signed in; signing out there signs the first tab out too', async () => {
    const { service } = get();
    const first = await openTab();
    await first.page.goto(service.url);
    await signInHere(first.page, 'Danish officer');
    const second = await openTab();
    await second.page.goto(`${service.url}/cases`);
    await second.page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect(second.page.getByTestId('identity').innerText()).resolves.toContain('Denmark');
    // The token travels between tabs, never through localStorage (which outlives the browser).
    await expect(second.page.evaluate<number>('localStorage.length')).resolves.toBe(0);
    await second.page.getByRole('button', { name: 'Sign out' }).click();
    // RP-initiated logout: the IdP asks, ends its session and sends the tab back to the sign-in page.
    await second.page.getByRole('heading', { name: /Sign out of Danish Police/ }).waitFor();
    await second.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await second.page.getByRole('button', { name: 'Sign in with Danish Police (development)' }).waitFor();
    await first.page.getByRole('button', { name: 'Sign in with Danish Police (development)' }).waitFor();
    await expect(first.page.evaluate<string | null>(`sessionStorage.getItem('liaison.session')`)).resolves.toBeNull();
    await finish(second);
    await finish(first);
  }, SLOW);

  test('case filters and pages live in the address: Back and reload keep them', async () => {
    const { service } = get();
    const tab = await openTab();
    await tab.page.goto(`${service.url}/cases`);
    await signInHere(tab.page, 'Danish officer');
    await choosePurpose(tab.page);
    await tab.page.getByRole('link', { name: /Operation Nordlys/ }).waitFor();
    await tab.page.getByLabel('Title contains').fill('Skymning');
    await tab.page.getByLabel('Status').selectOption('open');
    await tab.page.getByRole('button', { name: 'Apply filters' }).click();
    await tab.page.getByRole('link', { name: /Operation Nordlys/ }).waitFor({ state: 'detached' });
    expect(new URL(tab.page.url()).search).toBe('?q=Skymning&status=open');
    await tab.page.getByRole('link', { name: /Operation Skymning/ }).click();
    await tab.page.getByRole('heading', { level: 1, name: /Operation Skymning/ }).waitFor();
    await tab.page.goBack();
    await tab.page.getByRole('link', { name: /Operation Skymning/ }).waitFor();
    await expect(tab.page.getByLabel('Title contains').inputValue()).resolves.toBe('Skymning');
    await expect(tab.page.getByLabel('Status').inputValue()).resolves.toBe('open');
    await expect(tab.page.getByRole('link', { name: /Operation Nordlys/ }).count()).resolves.toBe(0);
    await tab.page.reload();
    await tab.page.getByRole('link', { name: /Operation Skymning/ }).waitFor();
    await expect(tab.page.getByLabel('Title contains').inputValue()).resolves.toBe('Skymning');
    // Back once more: the unfiltered list, from the address alone.
    await tab.page.goBack();
    await tab.page.getByRole('link', { name: /Operation Nordlys/ }).waitFor();
    await expect(tab.page.getByLabel('Title contains').inputValue()).resolves.toBe('');
    await finish(tab);
  }, SLOW);

  test('navigation moves focus to the h1 and sets the title; audit filters and link texts carry their object', async () => {
    const { service } = get();
    const tab = await openTab();
    await tab.page.goto(service.url);
    await signInHere(tab.page, 'Swedish supervisor');
    await until(async () => (await focusAndTitle(tab.page)).tag === 'H1');
    await expect(focusAndTitle(tab.page)).resolves.toMatchObject({ title: 'Overview · Liaison' });
    await tab.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await until(async () => { const f = await focusAndTitle(tab.page); return f.tag === 'H1' && f.text.startsWith('Cases'); });
    await expect(focusAndTitle(tab.page)).resolves.toMatchObject({ tag: 'H1', title: 'Cases · Liaison' });
    await tab.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await choosePurpose(tab.page);
    await tab.page.locator('#access-log table').waitFor();
    await expect(focusAndTitle(tab.page)).resolves.toMatchObject({ title: 'Audit log · Liaison' });
    // The log reads in plain language: who did what, from the catalogued query.
    const sentences = await tab.page.getByTestId('access-sentence').allInnerTexts();
    expect(sentences.length).toBeGreaterThan(0);
    for (const text of sentences) expect(text).toMatch(/^(Swedish|Danish|Norwegian) officer \S+ (read|listed|counted|charted|searched|replayed|verified|reproduced) /);
    // The supervisor's own reads are left out by default; shown on request (and that choice is in the address).
    const me = await tab.page.evaluate<string>(`JSON.parse(sessionStorage.getItem('liaison.session')).subject`);
    for (const text of sentences) expect(text).not.toContain(` ${me} `);
    await tab.page.getByLabel('Show my own reads').check();
    await tab.page.getByTestId('access-sentence').getByText(` ${me} `).first().waitFor();
    expect(new URL(tab.page.url()).search).toBe('?mine=show');
    await tab.page.goBack();
    await expect(tab.page.getByLabel('Show my own reads').isChecked()).resolves.toBe(false);
    await tab.page.getByTestId('access-sentence').getByText(` ${me} `).first().waitFor({ state: 'detached' });
    const reproduce = tab.page.getByRole('link', { name: /^Reproduce: (Swedish|Danish) officer \S+ .+ at \d/ });
    await reproduce.first().waitFor();
    // The officer picker lists who is in the log; picking one filters by them, in the address.
    await tab.page.getByLabel('Officer', { exact: true }).selectOption('e2e-wait');
    await tab.page.getByRole('button', { name: 'Apply filters' }).click();
    await until(async () => new URL(tab.page.url()).search === '?officer=e2e-wait');
    for (const text of await tab.page.getByTestId('access-sentence').allInnerTexts()) expect(text).toMatch(/^Swedish officer e2e-wait /);
    await tab.page.goBack();
    // The table is already on the page before going back; wait for the address's filters to reach the form.
    await until(async () => new URL(tab.page.url()).search === '');
    await until(async () => (await tab.page.getByLabel('Officer', { exact: true }).inputValue()) === '');
    await tab.page.locator('#access-log table').waitFor();
    await shot(tab.page, 'audit-log-link-texts');
    await finish(tab);
  }, SLOW);
});


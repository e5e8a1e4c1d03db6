/**
 * Signing in with OpenID Connect in Chromium (issue 20): through the development IdP's login page to
 * the overview; no code or token in the address or the history at any point; the session renews
 * before its (short, DEV_IDP_TOKEN_TTL=20 s) token expires and the view keeps its filters; logout
 * ends the IdP session; an account without Liaison roles and an unreachable IdP get their own page.
 */
import type { Page } from 'playwright-core';
import { shot, until } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';
import { startService } from './service.harness.js';

const get = dailySetup({ DEV_IDP_TOKEN_TTL: '20' });
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);

/** Every address the tab's main frame showed, and every request URL. */
function watchAddresses(page: Page): { shown: string[]; requested: string[] } {
  const seen = { shown: [] as string[], requested: [] as string[] };
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) seen.shown.push(f.url()); });
  page.on('request', (r) => seen.requested.push(r.url()));
  return seen;
}

async function historyUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string }[] };
  await cdp.detach();
  return entries.map((e) => e.url);
}

/** Everything secret this tab holds: access, refresh and ID tokens. */
async function secrets(page: Page): Promise<string[]> {
  const all = await page.evaluate<string[]>(`Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k) ?? '')`);
  const found = new Set<string>();
  for (const value of all) for (const m of value.matchAll(/"(access_token|refresh_token|id_token|token)":"([^"]+)"/g)) found.add(m[2] as string);
  return [...found];
}

/** A new tab at the dashboard's start page, signed out. */
async function startPage() {
  const tab = await openTab();
  await tab.page.goto(get().service.url);
  return tab;
}

const session = (page: Page) => page.evaluate<{ token: string; expiresAt: number; subject: string } | null>(`JSON.parse(sessionStorage.getItem('liaison.session'))`);

describe('sign-in with OpenID Connect', () => {
  test('through the IdP login page to the overview; code and tokens never stay in the address or history', async () => {
    const { service } = get();
    const tab = await openTab();
    const seen = watchAddresses(tab.page);
    // The address at the dashboard's first render, in every document the tab loads.
    await tab.page.addInitScript(`new MutationObserver((_, o) => { if (document.getElementById('app')?.childElementCount) { window.firstRenderHref = location.href; o.disconnect(); } })
      .observe(document, { childList: true, subtree: true });`);
    await tab.page.goto(service.url);
    await tab.page.getByRole('button', { name: 'Sign in with Danish Police (development)' }).click();
    await tab.page.getByRole('heading', { name: 'Danish Police (development)' }).waitFor();
    expect(new URL(tab.page.url()).pathname).toMatch(/^\/dev\/idp\/dk\/interaction\//);
    await shot(tab.page, 'idp-login-dk');
    await tab.page.getByRole('button', { name: 'Danish officer', exact: true }).click();
    await tab.page.getByRole('navigation', { name: 'Main' }).waitFor();
    await tab.page.getByTestId('detention-counts').waitFor();
    await expect(tab.page.getByTestId('identity').innerText()).resolves.toMatch(/Denmark.*officer/s);

    expect(tab.page.url()).toBe(`${service.url}/`);
    // The authorization code arrives in the one redirect to /auth/callback, by design of the code
    // flow; it is gone from the address and its history entry before the dashboard renders.
    expect(seen.shown.filter((u) => /[?&#]code=/.test(u)).map((u) => new URL(u).pathname)).toEqual(['/auth/callback']);
    // …and is gone before the dashboard first renders (nothing has loaded or run with it in the address).
    await expect(tab.page.evaluate<string>('window.firstRenderHref')).resolves.toBe(`${service.url}/auth/callback`);
    const history = await historyUrls(tab.page);
    for (const u of history) expect(u).not.toMatch(/[?&#](code|state|access_token|id_token)=/);
    expect(history.at(-1)).toBe(`${service.url}/`);
    const held = await secrets(tab.page);
    expect(held.length).toBeGreaterThanOrEqual(3);
    for (const u of [...seen.shown, ...seen.requested, ...history]) for (const s of held) expect(u).not.toContain(s.slice(-24));
    await expect(tab.page.evaluate<number>('localStorage.length')).resolves.toBe(0);
    await finish(tab);
  }, SLOW);

  test('before the token expires the session renews, on the same view with its filters, without a navigation', async () => {
    const { service } = get();
    const tab = await openTab();
    const seen = watchAddresses(tab.page);
    await tab.page.goto(`${service.url}/cases?q=Nordlys&status=open`);
    await signInHere(tab.page, 'Swedish officer');
    await choosePurpose(tab.page);
    await tab.page.getByRole('link', { name: /Operation Nordlys/ }).waitFor();
    const first = await session(tab.page);
    expect(first).not.toBeNull();
    const navigations = seen.shown.length;
    await until(async () => (await session(tab.page))?.token !== first?.token, 30_000);
    const renewed = await session(tab.page);
    expect(renewed?.subject).toBe(first?.subject);
    expect(renewed?.expiresAt).toBeGreaterThan(first?.expiresAt ?? 0);
    expect(seen.shown.length).toBe(navigations);
    expect(new URL(tab.page.url()).search).toBe('?q=Nordlys&status=open');
    await expect(tab.page.getByLabel('Title contains').inputValue()).resolves.toBe('Nordlys');
    // Past the first token's expiry the view still reads with the renewed one.
    await until(async () => Date.now() > (first?.expiresAt ?? 0) + 1000, 30_000);
    await tab.page.getByRole('button', { name: 'Apply filters' }).click();
    await tab.page.getByRole('link', { name: /Operation Nordlys/ }).waitFor();
    await expect(tab.page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(1);
    await finish(tab);
  }, SLOW);

  test('signing out ends the session here and at the IdP: the old refresh token is refused', async () => {
    const { service } = get();
    const tab = await startPage();
    await signInHere(tab.page, 'Swedish supervisor');
    const refresh = (await tab.page.evaluate<string>(`Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)).join(' ')`)).match(/"refresh_token":"([^"]+)"/)?.[1];
    expect(refresh).toBeDefined();
    await tab.page.getByRole('button', { name: 'Sign out' }).click();
    await tab.page.getByRole('heading', { name: /Sign out of Swedish Police/ }).waitFor();
    await shot(tab.page, 'idp-logout-se');
    await tab.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await tab.page.getByRole('button', { name: 'Sign in with Swedish Police (development)' }).waitFor();
    expect(new URL(tab.page.url()).pathname).toBe('/sign-in');
    await expect(tab.page.evaluate<number>('sessionStorage.length')).resolves.toBe(0);
    const res = await fetch(`${service.url}/dev/idp/se/token`, {
      method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh as string, client_id: 'liaison-dashboard' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
    await tab.page.goto(`${service.url}/cases`);
    await tab.page.getByRole('button', { name: 'Sign in with Swedish Police (development)' }).waitFor();
    await finish(tab);
  }, SLOW);

  test('an account without a Liaison role gets a page that says so, and can sign out', async () => {
    const tab = await startPage();
    await tab.page.getByRole('button', { name: 'Sign in with Norwegian Police (development)' }).click();
    await tab.page.getByRole('button', { name: 'Norwegian employee without a Liaison role' }).click();
    await tab.page.getByRole('heading', { name: 'Your account has no Liaison role' }).waitFor();
    await expect(tab.page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await shot(tab.page, 'signin-no-role');
    await tab.page.getByRole('button', { name: 'Sign out' }).click();
    await tab.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await tab.page.getByRole('button', { name: 'Sign in with Norwegian Police (development)' }).waitFor();
    await finish(tab);
  }, SLOW);

  test('an unreachable IdP gets a clear page, not a browser error', async () => {
    const issuers = JSON.stringify([{
      discoveryUrl: 'http://127.0.0.1:9/realms/polisen/.well-known/openid-configuration', country: 'SE', algorithms: ['RS256'],
      name: 'Swedish Police', dashboard: { clientId: 'liaison-dashboard' },
    }]);
    const configured = await startService({ TRUSTED_ISSUERS: issuers });
    try {
      const tab = await openTab();
      await tab.page.goto(configured.url);
      await tab.page.getByRole('button', { name: 'Sign in with Swedish Police' }).click();
      await tab.page.getByRole('heading', { name: 'Swedish Police cannot be reached' }).waitFor();
      expect(new URL(tab.page.url()).origin).toBe(configured.url);
      await shot(tab.page, 'signin-idp-unreachable');
      await tab.page.getByRole('button', { name: 'Other sign-in options' }).click();
      await tab.page.getByRole('button', { name: 'Sign in with Swedish Police' }).waitFor();
      await finish(tab, [/console: .*(Failed to fetch|ERR_CONNECTION_REFUSED|Failed to load resource)/]);
    } finally {
      await configured.stop();
    }
  }, SLOW);
});

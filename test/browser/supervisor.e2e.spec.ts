/**
 * A supervisor's case page (issue 19): the same dated timeline officers see, with the raw event log
 * (who recorded what) one click away and fetched only when opened.
 */
import { shot } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';

const get = dailySetup();
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);

describe('supervisor case page', () => {
  test('keeps the dated timeline; the raw event log opens on request', async () => {
    const { service, story } = get();
    const tab = await openTab();
    const replays: string[] = [];
    tab.page.on('request', (r) => { if (r.url().includes('/api/v1/audit/cases/')) replays.push(r.url()); });
    await tab.page.goto(`${service.url}/cases/${story.cases.main}`);
    await signInHere(tab.page, 'Swedish supervisor');
    await choosePurpose(tab.page);
    const dated = tab.page.locator('#timeline [data-testid="timeline"]').first();
    await dated.waitFor();
    await dated.getByText('Case opened').waitFor();
    expect(replays).toEqual([]);
    await tab.page.getByText('Raw event log, with who recorded each event').click();
    const raw = tab.page.locator('[aria-label="Raw event log"]');
    await raw.locator('li').first().waitFor();
    await expect(raw.locator('li').count()).resolves.toBeGreaterThan(await dated.locator('li').count());
    expect(replays).toHaveLength(1);
    await shot(tab.page, 'case-supervisor-timeline');
    await finish(tab);
  }, SLOW);
});

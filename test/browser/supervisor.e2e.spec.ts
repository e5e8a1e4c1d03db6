/**
 * A supervisor's case page (issue 19): the same dated timeline officers see, with the raw event log
 * (who recorded what) one click away and fetched only when opened. Its audit view (plain language, case
 * titles, officer picker, own reads hidden, the answer reproduced as the officer saw it).
 */
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { PURPOSE, shot, until } from './platforms.support.js';
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

describe('supervisor audit view', () => {
  test('case titles, officer picker, own reads hidden; Reproduce shows the answer as the officer saw it, with what changed since', async () => {
    const { service, story } = get();
    const dk = await mintDevToken({ country: 'DK', role: 'officer', sub: 'audit-spec-dk', dataDir: service.dataDir });
    const headers = { authorization: `Bearer ${dk}`, 'x-purpose': PURPOSE };
    const read = await fetch(`${service.url}/api/v1/cases/${story.cases.main}?minPosition=${story.position}`, { headers });
    expect(read.status).toBe(200);
    // Something changes after the Danish officer's read: a witness registered in the case.
    const registered = await fetch(`${service.url}/api/v1/cases/${story.cases.main}/persons`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'audit-spec-witness' },
      body: JSON.stringify({ category: 'witness', pseudonym: 'Vittne Z' }),
    });
    expect(registered.status).toBe(201);

    const tab = await openTab();
    const { page } = tab;
    await page.goto(`${service.url}/audit`);
    await signInHere(page, 'Swedish supervisor');
    await choosePurpose(page);
    await page.locator('#access-log table').waitFor();
    // A replay of the wave case by the supervisor: one of their own reads.
    await page.goto(`${service.url}/audit/cases/${story.cases.main}`);
    await page.getByTestId('replay-position').waitFor();
    await page.goto(`${service.url}/audit`);
    await page.locator('#access-log table').waitFor();
    // Own reads hidden by default: the replay just made is not listed.
    await page.getByTestId('own-reads-hidden').waitFor();
    const sentences = await page.getByTestId('access-sentence').allInnerTexts();
    expect(sentences.some((s) => s.includes('dev-se-supervisor'))).toBe(false);
    const title = 'Operation Nordlys (fictional): hired teenagers, Copenhagen violence wave';
    expect(sentences.some((s) => s.startsWith(`Danish officer audit-spec-dk read the case ${title}`))).toBe(true);
    await expect(page.locator('#access-log').getByRole('link', { name: `Replay case ${title}` }).count()).resolves.toBeGreaterThan(0);

    // The officer picker, in the address.
    await page.getByLabel('Officer', { exact: true }).selectOption('audit-spec-dk');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await until(async () => new URL(page.url()).searchParams.get('officer') === 'audit-spec-dk');
    await until(async () => (await page.getByTestId('access-sentence').allInnerTexts()).every((s) => s.startsWith('Danish officer audit-spec-dk ')));
    await shot(page, 'audit-officer-picked');

    await page.getByRole('link', { name: new RegExp(`^Reproduce: Danish officer audit-spec-dk read the case Operation Nordlys`) }).first().click();
    await page.getByText('✔ Reproduced answer matches the recorded hash').waitFor();
    const answer = page.locator('#reproduced-answer');
    await answer.getByRole('heading', { name: /^Operation Nordlys/ }).waitFor();
    await answer.getByRole('cell', { name: '"Ungdom A"', exact: true }).first().waitFor();
    await expect(answer.getByText('"Vittne Z"').count()).resolves.toBe(0);
    await expect(page.getByTestId('diff-summary').innerText()).resolves.toBe('Compared with the same question asked now: 0 changed, 0 no longer there, 1 new (marked).');
    await expect(page.getByTestId('diff-added').innerText()).resolves.toBe('New since: Vittne Z');
    await shot(page, 'audit-reproduced-case');

    // The supervisor's own replay, shown on request, reproduces too (from the log, as of its position).
    await page.goto(`${service.url}/audit?mine=show`);
    await page.getByRole('link', { name: /^Reproduce: Swedish officer dev-se-supervisor replayed the case Operation Nordlys/ }).first().click();
    await page.getByText('✔ Reproduced answer matches the recorded hash').waitFor();
    await page.locator('#reproduced-answer [data-testid="timeline"]').waitFor();
    await expect(page.getByTestId('diff-summary').innerText()).resolves.toBe('Asked again now, the same question gives the same answer.');
    await finish(tab);
  }, SLOW);
});

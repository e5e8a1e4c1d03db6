/**
 * Local time (issue 19): a browser in Stockholm sees times in Stockholm time with UTC on hover,
 * relative deadlines, and the weekly chart bucketed at local Monday midnights with this week last;
 * the zone can be switched and the choice lasts for the tab's session.
 */
import { isoWeeksEndingAt, relativeDeadline } from '../../apps/web/src/time/zone.js';
import { shot } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';

const ZONE = 'Europe/Stockholm';
const get = dailySetup({}, { timezoneId: ZONE });
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);

describe('local time', () => {
  test('the weekly chart asks for ISO weeks starting at Monday 00:00 Stockholm time, this week last', async () => {
    const { service } = get();
    const tab = await openTab();
    const asked: URL[] = [];
    tab.page.on('request', (r) => { if (r.url().includes('/api/v1/detentions/over-time')) asked.push(new URL(r.url())); });
    await tab.page.goto(service.url);
    await signInHere(tab.page, 'Danish officer');
    const weeks = isoWeeksEndingAt(Date.now(), 12, ZONE);
    const thisWeek = weeks[weeks.length - 1]!;
    await tab.page.getByTestId('this-week').getByText(`This week, ${thisWeek.label}:`).waitFor();
    expect(asked.length).toBeGreaterThanOrEqual(1);
    expect(asked[0]?.searchParams.get('from')).toBe(new Date(weeks[0]!.start).toISOString());
    // No bucket starts after this week's Monday (the old chart had one starting tomorrow).
    const lastAsked = Math.max(...asked.map((u) => Date.parse(u.searchParams.get('to') ?? '')));
    expect(lastAsked).toBe(thisWeek.start);
    await tab.page.getByText('Show the numbers').click();
    await expect(tab.page.locator('#detentions-over-time tbody tr').count()).resolves.toBe(12);
    await shot(tab.page, 'overview-weeks-stockholm');
    await finish(tab);
  }, SLOW);

  test('case times show in Stockholm time with UTC on hover; deadlines say how far off they are; UTC can be chosen', async () => {
    const { service, story } = get();
    const tab = await openTab();
    await tab.page.goto(`${service.url}/cases/${story.cases.main}`);
    await signInHere(tab.page, 'Swedish officer');
    await choosePurpose(tab.page);
    const opened = tab.page.locator('.facts time').first();
    await opened.waitFor();
    await expect(opened.innerText()).resolves.toMatch(/\d\d:\d\d CES?T$/);
    await expect(opened.getAttribute('title')).resolves.toMatch(/\d\d:\d\d UTC$/);
    const iso = (await opened.getAttribute('datetime')) ?? '';
    const stockholm = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
    await expect(opened.innerText()).resolves.toContain(stockholm);
    const deadline = tab.page.locator('#case-detentions .deadline').first();
    const due = Date.parse((await deadline.locator('time').getAttribute('datetime')) ?? '');
    await expect(deadline.getByTestId('relative-deadline').innerText()).resolves.toBe(`(${relativeDeadline(due, Date.now(), ZONE)})`);
    await shot(tab.page, 'case-local-time');

    await tab.page.getByLabel('Time zone').selectOption('UTC');
    await expect(opened.innerText()).resolves.toMatch(/\d\d:\d\d UTC$/);
    await tab.page.reload();
    await tab.page.locator('.facts time').first().waitFor();
    await expect(tab.page.locator('.facts time').first().innerText()).resolves.toMatch(/UTC$/);
    await expect(tab.page.getByLabel('Time zone').inputValue()).resolves.toBe('UTC');
    await finish(tab);
  }, SLOW);
});

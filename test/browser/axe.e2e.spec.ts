/**
 * Accessibility (issue 19): axe-core on every view of the shared table (views.support.ts), at desktop
 * width, with 0 serious or critical violations. (The phone spec runs it again on the phone layout.)
 */
import { shot } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';
import { axeSerious } from './axe.support.js';
import { VIEWS, openView, viewContext } from './views.support.js';

const get = dailySetup();
const { openTab, finish, signInHere } = dailyHelpers(get);

describe('axe on every view', () => {
  test('no serious or critical violations', async () => {
    const d = get();
    const context = await viewContext(d);
    const tab = await openTab(1280, 900);
    const { page } = tab;
    const found: Record<string, unknown> = {};
    for (const view of VIEWS.filter((v) => v.signedOut)) {
      await openView(page, d.service.url, view, context);
      found[view.name] = await axeSerious(page);
    }
    await signInHere(page, 'Swedish supervisor');
    for (const view of VIEWS.filter((v) => !v.signedOut)) {
      await openView(page, d.service.url, view, context);
      found[view.name] = await axeSerious(page);
      await shot(page, `axe-${view.name}`, false);
    }
    expect(found).toEqual(Object.fromEntries(VIEWS.map((v) => [v.name, []])));
    await finish(tab);
  }, SLOW * 2);
});

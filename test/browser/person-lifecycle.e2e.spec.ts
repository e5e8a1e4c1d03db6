/**
 * LED Art. 16 in the dashboard: a case page withholds a restricted person and says so, shows it, marked,
 * once asked for (the stated purpose is recorded with that read), and shows a partner country the
 * corrected name with when and by whom it was corrected, in the people table and the timeline; an
 * erased person (ADR 19) appears only by id, with when and on which basis the data was erased.
 */
import { mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { openCaseBody, personBody } from '../../apps/api/src/cases/commands/testing/case-commands.harness.js';
import { shot } from './platforms.support.js';
import { SLOW, dailyHelpers, dailySetup } from './daily.support.js';

const get = dailySetup();
const { openTab, finish, choosePurpose, signInHere } = dailyHelpers(get);

describe('restriction and rectification on the case page', () => {
  test('the restricted person is withheld until asked for; the partner sees the correction', async () => {
    const { service } = get();
    const se = await mintDevToken({ country: 'SE', role: 'officer', sub: 'lifecycle-se', dataDir: service.dataDir });
    let position = '0';
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${service.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${se}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await res.json()) as Record<string, string>;
      if (res.status >= 300) throw new Error(`${path}: HTTP ${res.status}`);
      position = answer.position ?? position;
      return answer;
    };
    const { caseId } = await post('/api/v1/cases', openCaseBody({ title: 'Fictional lifecycle case' }));
    await post(`/api/v1/cases/${caseId}/sharing`, { partnerCountry: 'DK', level: 'read' });
    const { personId: restricted } = await post(`/api/v1/cases/${caseId}/persons`, personBody({ name: 'Vexa Begransad' }));
    const { personId: kept } = await post(`/api/v1/cases/${caseId}/persons`, personBody({ name: 'Vexa Felstavad' }));
    await post(`/api/v1/cases/${caseId}/persons/${restricted}/restriction`, { ground: 'kept-as-evidence', reason: 'Seized phone pending analysis' });
    await post(`/api/v1/cases/${caseId}/persons/${kept}/rectification`, { field: 'name', value: 'Vexa Ratt', reason: 'Checked against the passport' });
    const { personId: erased } = await post(`/api/v1/cases/${caseId}/persons`, personBody({ name: 'Vexa Raderad' }));
    await post(`/api/v1/cases/${caseId}/persons/${erased}/erase`, { legalBasis: 'no-longer-necessary', reason: 'Registered in the wrong case' });

    // Everything above is in the read models before the page asks.
    await fetch(`${service.url}/api/v1/detentions/counts?minPosition=${position}`, { headers: { authorization: `Bearer ${se}` } });
    const tab = await openTab();
    const { page } = tab;
    await page.goto(`${service.url}/cases/${caseId}`);
    await signInHere(page, 'Danish officer');
    await choosePurpose(page);
    await page.getByTestId('restricted-withheld').waitFor();
    await expect(page.locator('#people tbody tr').count()).resolves.toBe(2);
    await expect(page.getByTestId('person-erased').innerText()).resolves.toMatch(/^Personal data erased .+ \(no longer necessary\)$/);
    await expect(page.locator('#people tbody').innerText()).resolves.toContain(`Erased person ${erased.slice(0, 8)}`);
    await expect(page.locator('body').innerText()).resolves.not.toContain('Vexa Raderad');
    await expect(page.getByTestId('correction').innerText()).resolves.toMatch(/^Name corrected on .+ by lifecycle-se \(Sweden\)$/);
    await expect(page.locator('#people tbody').innerText()).resolves.toContain('Vexa Ratt');
    await shot(page, 'lifecycle-withheld');

    await page.getByRole('button', { name: 'Show, for my stated purpose' }).click();
    await page.getByTestId('restriction-mark').waitFor();
    await expect(page.getByTestId('restriction-mark').innerText()).resolves.toMatch(/^Processing restricted \(kept as evidence\) since /);
    await expect(page.locator('#people tbody tr').count()).resolves.toBe(3);
    await expect(page.getByTestId('restricted-withheld').count()).resolves.toBe(0);
    await expect(page.locator('#timeline').innerText()).resolves.toContain('Name corrected');
    await shot(page, 'lifecycle-shown');
    await finish(tab);
  }, SLOW);
});

// Request bodies for the referrals bench. Locators use a reserved example domain (RFC 2606), unique
// per bench process and run, so every run refers content never referred before.
const RUN = `${process.pid}-${Date.now().toString(36)}`;
let serial = 0;

/** A locator no earlier request of any bench run used. */
export function benchLocator(): string {
  serial += 1;
  return `https://www.tiktok.example/@bench.${RUN}/video/${serial}`;
}

/** The CSV an action day's list arrives as: header `locator,contentKind,basis,unit,sentAt`, one row per item. */
export function actionDayListCsv(locators: readonly string[], sentAt: string): string {
  const lines = ['locator,contentKind,basis,unit,sentAt'];
  for (const locator of locators) lines.push([locator, 'glorification', 'tos_referral', 'NOA Cyber (fictional)', sentAt].join(','));
  return `${lines.join('\n')}\n`;
}

export const planActionDay = (): Record<string, unknown> => ({
  title: 'Bench action day (fictional)', coordinator: 'eu_iru', coordinatorName: 'Europol EU IRU', platform: 'tiktok',
  date: new Date().toISOString().slice(0, 10), participatingCountries: ['DK', 'NO'],
});

export const referContent = (): Record<string, unknown> => ({
  platform: 'tiktok', locator: benchLocator(), contentKind: 'recruitment_offer', basis: 'tos_referral', unit: 'NOA Cyber (fictional)',
});

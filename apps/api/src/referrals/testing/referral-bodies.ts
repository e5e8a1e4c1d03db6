// Request bodies for the referral specs. Locators use reserved example domains (RFC 2606): fictional.

let n = 0;
/** A locator no other spec uses, so every spec works on a fresh referral stream. */
export function freshLocator(platform = 'tiktok'): string {
  n += 1;
  return `https://www.${platform}.example/@fictional.user${process.pid}/video/${Date.now()}${n}`;
}

export function referBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    platform: 'tiktok', locator: freshLocator(), contentKind: 'recruitment_offer', basis: 'tos_referral',
    unit: 'NOA Cyber (fictional)', ...overrides,
  };
}

export function planDayBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Referral Action Day (fictional)', coordinator: 'eu_iru', coordinatorName: 'Europol EU IRU', platform: 'tiktok',
    date: '2025-09-28', participatingCountries: ['SE', 'DK'], ...overrides,
  };
}

/** A CSV list of `count` fresh items, sent at `sentAt`. */
export function listCsv(count: number, sentAt: string, extra: (i: number) => string = () => ''): { csv: string; locators: string[] } {
  const locators = Array.from({ length: count }, () => freshLocator());
  const rows = locators.map((l, i) => `${l},glorification,tos_referral,NOA Cyber,${sentAt}${extra(i)}`);
  return { csv: ['locator,contentKind,basis,unit,sentAt', ...rows].join('\n') + '\n', locators };
}

import { afterAll, beforeAll } from '@jest/globals';
import { startHarness, type Harness } from '../../cases/commands/testing/case-commands.harness.js';
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

export interface OfficerHarness {
  h: Harness;
  /** Officer tokens of Sweden and Denmark. */
  se: string;
  dk: string;
}

/** The real app for one suite, with a Swedish and a Danish officer's token (filled in beforeAll). */
export function useOfficerHarness(): OfficerHarness {
  const t = {} as OfficerHarness;
  beforeAll(async () => {
    t.h = await startHarness();
    [t.se, t.dk] = await Promise.all([t.h.token('SE'), t.h.token('DK')]);
  });
  afterAll(() => t.h?.close());
  return t;
}

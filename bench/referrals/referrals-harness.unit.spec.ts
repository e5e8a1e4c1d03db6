import { describe, expect, it } from '@jest/globals';
import { summarise } from '../support/stats.js';
import { queryString, responsivenessAsk, RESPONSIVENESS_FILTERS } from './queries.js';
import { cacheKey, projectionVersions } from './store-cache.js';
import { renameForChunk } from './workload.js';
import { dashboardRatios } from './report.js';
import { actionDayListCsv, benchLocator } from './bodies.js';

describe('referrals bench harness', () => {
  it('asks every viewer country every filter, viewers varying fastest', () => {
    const asks = Array.from({ length: 5 * RESPONSIVENESS_FILTERS.length }, (_, i) => responsivenessAsk(i));
    expect(asks.slice(0, 5).map((a) => a.country)).toEqual(['SE', 'DK', 'NO', 'FI', 'IS']);
    expect(new Set(asks.map((a) => `${a.country} ${JSON.stringify(a.filter)}`)).size).toBe(asks.length);
    expect(responsivenessAsk(asks.length)).toEqual(asks[0]);
  });

  it('writes filters as a stable query string, none for no filter', () => {
    expect(queryString({})).toBe('');
    expect(queryString({ to: '2025-12', from: '2025-01', platform: undefined })).toBe('?from=2025-01&to=2025-12');
  });

  it('gives each chunk its own streams and ids, leaving other fields alone', () => {
    expect(renameForChunk(7, 'referral-r-000042', { referralId: 'r-000042', caseId: 'rc-3', platform: 'tiktok' })).toEqual({
      streamId: 'referral-r-000042.k7', data: { referralId: 'r-000042.k7', caseId: 'rc-3.k7', platform: 'tiktok' },
    });
    expect(renameForChunk(0, 'action-day-ad-1', { actionDayId: 'ad-1', rows: 40 }).data).toEqual({ actionDayId: 'ad-1.k0', rows: 40 });
  });

  it('keys the cached store by data version and size; projection versions listed sorted', () => {
    expect(cacheKey(1000)).toMatch(/^referrals-v\d+-1000$/);
    expect(cacheKey(2000)).not.toBe(cacheKey(1000));
    expect(projectionVersions([{ name: 'y', version: 2 }, { name: 'x', version: 1 }])).toEqual(['x@1', 'y@2']);
  });

  it('summarises a sample, NaN when empty', () => {
    expect(summarise([30, 10, 20])).toEqual({ n: 3, min: 10, p50: 20, p99: 30, max: 30 });
    expect(summarise([]).p50).toBeNaN();
    expect(summarise([]).min).toBeNaN();
  });

  it('judges the dashboard by commands/s with it over without, per pair', () => {
    const pair = (without: number, withIt: number) => ({
      without: { load: { requestsPerSec: without } }, with: { load: { requestsPerSec: withIt } },
    }) as unknown as Parameters<typeof dashboardRatios>[0][number];
    expect(dashboardRatios([pair(1000, 950), pair(800, 400)])).toEqual([0.95, 0.5]);
  });

  it('builds an action-day list CSV with fresh locators', () => {
    const locators = [benchLocator(), benchLocator()];
    expect(new Set(locators).size).toBe(2);
    expect(actionDayListCsv(locators, '2026-01-01T00:00:00.000Z').split('\n')).toEqual([
      'locator,contentKind,basis,unit,sentAt',
      `${locators[0]},glorification,tos_referral,NOA Cyber (fictional),2026-01-01T00:00:00.000Z`,
      `${locators[1]},glorification,tos_referral,NOA Cyber (fictional),2026-01-01T00:00:00.000Z`,
      '',
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { askPath, pickViewers, querySeries } from './queries.js';
import { chunkPlan, CASES_PER_CHUNK, renameForChunk, REQUESTS_PER_CHUNK } from './workload.js';
import { seriesRows } from './report.js';
import { projectionVersions } from '../support/store-cache.js';

describe('requests bench harness', () => {
  it('gives each chunk its own streams and request and case ids, leaving other fields alone', () => {
    expect(renameForChunk(3, 'information-request-ir-000042', { requestId: 'ir-000042', caseId: 'c-00007', requestingCountry: 'SE' })).toEqual({
      streamId: 'information-request-ir-000042.q3', data: { requestId: 'ir-000042.q3', caseId: 'c-00007.q3', requestingCountry: 'SE' },
    });
    expect(renameForChunk(0, 'case-c-00001', { caseId: 'c-00001', detentionId: 'd-0-0' }).data).toEqual({ caseId: 'c-00001.q0', detentionId: 'd-0-0' });
  });

  it('plans chunks until both the requests and the detentions are reached, then nothing', () => {
    const target = { requests: 5000, detentions: 3000 };
    expect(chunkPlan(target, { requests: 0, detentions: 0 })).toEqual({ requests: REQUESTS_PER_CHUNK, cases: CASES_PER_CHUNK });
    expect(chunkPlan(target, { requests: 4000, detentions: 3100 })).toEqual({ requests: 1000, cases: 0 });
    expect(chunkPlan(target, { requests: 5000, detentions: 2900 })).toEqual({ requests: 0, cases: CASES_PER_CHUNK });
    expect(chunkPlan(target, { requests: 5000, detentions: 3000 })).toEqual({ requests: 0, cases: 0 });
  });

  it('picks the most and the least seeing viewer, one when they are the same country', () => {
    expect(pickViewers([{ country: 'DK', share: 0.5 }, { country: 'SE', share: 0.9 }, { country: 'FI', share: 0.1 }]).map((v) => v.country)).toEqual(['SE', 'FI']);
    expect(pickViewers([{ country: 'SE', share: 1 }])).toEqual([{ country: 'SE', share: 1 }]);
    expect(() => pickViewers([])).toThrow();
  });

  it('asks three board variants per viewer and the statistics with the viewer countries rotated', () => {
    const series = querySeries([{ country: 'SE', share: 0.9 }, { country: 'FI', share: 0.1 }], 2024);
    expect(series).toHaveLength(7);
    expect(series.slice(0, 3).map((s) => askPath(s(0)))).toEqual(['/api/v1/deadlines', '/api/v1/deadlines?bucket=overdue', '/api/v1/deadlines?kind=custody_review%2Cextradition']);
    expect([0, 1, 2].map((i) => series[6](i).country)).toEqual(['SE', 'FI', 'SE']);
    expect(askPath(series[6](0))).toBe('/api/v1/statistics/information-exchange?year=2024');
    expect(series[0](0).name).toBe('deadlines SE (sees 90%), default page');
  });

  it('judges each series by its HTTP p99, in-process figures beside it', () => {
    const rows = seriesRows([{ name: 'a', ms: [1, 2, 30], size: 50 }, { name: 'b', ms: [1, 2, 3], size: 50 }], [{ name: 'a', ms: [0.5], size: 50 }], 20);
    expect(rows.map((r) => [r[0], r[3], r[7]])).toEqual([['a', '30.0 ms', 'MISS'], ['b', '3.00 ms', 'PASS']]);
    expect(rows[1][5]).toBe('n/a / n/a');
  });

  it('lists projection versions sorted', () => {
    expect(projectionVersions([{ name: 'y', version: 2 }, { name: 'x', version: 1 }])).toEqual(['x@1', 'y@2']);
  });
});

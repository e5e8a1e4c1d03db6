import { describe, expect, it } from '@jest/globals';
import { StorageFull } from '@liaison/event-store';
import { LAG_THRESHOLD_MS, WRITE_FAULT_WINDOW_MS, readinessReport, type ReadinessInput } from './readiness.js';

const NOW = 10_000_000;
const fine: ReadinessInput = {
  now: NOW,
  pingFailure: undefined,
  writeFault: undefined,
  disk: { freeBytes: 500e6, reserveBytes: 64e6, reached: false, checkedAt: NOW },
  projections: [{ name: 'cases', version: 1, file: 'cases-v1.db', checkpoint: 41n }],
  workersStopped: [],
  head: 41n,
  position: 41n,
  caughtUpAt: NOW - 5,
};
const codes = (i: Partial<ReadinessInput>) => readinessReport({ ...fine, ...i }).reasons.map((r) => r.code);

describe('readinessReport', () => {
  it('is ok with no reasons, in the same shape as when not ready', () => {
    const report = readinessReport(fine);
    expect(report).toMatchObject({ status: 'ok', reasons: [], details: { eventStore: { status: 'up' }, disk: { status: 'up' }, projections: { status: 'up', position: '41', head: '41', lag: '0', restarting: [], rebuilding: [] } } });
  });

  it('names each reason', () => {
    expect(codes({ pingFailure: 'SQLITE_IOERR' })).toEqual(['STORE_UNREACHABLE']);
    expect(codes({ writeFault: { fault: new StorageFull('SQLITE_FULL', 'full'), at: NOW - 1000 } })).toEqual(['STORE_FULL']);
    expect(codes({ disk: { ...fine.disk, freeBytes: 1e6, reached: true } })).toEqual(['DISK_RESERVE_REACHED']);
    expect(codes({ projections: [{ ...fine.projections[0], error: 'TypeError: boom' }] })).toEqual(['PROJECTION_FAILED']);
    expect(codes({ projections: [{ ...fine.projections[0], stalled: 'SQLITE_FULL' }] })).toEqual(['PROJECTION_STALLED']);
    expect(codes({ workersStopped: ['cases'] })).toEqual(['PROJECTION_WORKER_STOPPED']);
    // Named per read model, for `npm run projections -- status` and monitors.
    expect(readinessReport({ ...fine, workersStopped: ['cases'] }).details.projections).toMatchObject({ status: 'down', restarting: ['cases'] });
    expect(codes({ projections: [{ ...fine.projections[0], recovering: true }] })).toEqual(['READ_MODEL_REBUILDING']);
    expect(codes({ head: 99n, caughtUpAt: NOW - LAG_THRESHOLD_MS - 1 })).toEqual(['READ_MODEL_LAGGING']);
    const report = readinessReport({ ...fine, writeFault: { fault: new StorageFull('SQLITE_FULL', 'full'), at: NOW }, disk: { ...fine.disk, reached: true } });
    expect(report.status).toBe('unavailable');
    expect(report.details.eventStore).toMatchObject({ status: 'down', lastWriteFault: { kind: 'full', code: 'SQLITE_FULL' } });
  });

  it('forgets a write fault after its window, and a lag that is still closing', () => {
    expect(codes({ writeFault: { fault: new StorageFull('SQLITE_FULL', 'full'), at: NOW - WRITE_FAULT_WINDOW_MS } })).toEqual([]);
    expect(codes({ head: 99n, caughtUpAt: NOW - 1000 })).toEqual([]);
  });
});

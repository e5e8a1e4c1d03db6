import { describe, expect, it } from '@jest/globals';
import { readinessLines, runtimeOf, serviceUrl, type ReadyBody } from './projections-status.js';

// `npm run projections -- status` says what /ready says, per read model.

const ready = (projections: NonNullable<ReadyBody['details']>['projections'], reasons: ReadyBody['reasons'] = []): ReadyBody =>
  ({ status: reasons.length ? 'unavailable' : 'ok', reasons, details: { projections } });

describe('projections status: the running service column', () => {
  it('names a restarting thread, a stall with its storage code, a failure and a rebuild', () => {
    const r = ready(
      { restarting: ['cases', 'access-log'], stalled: { 'referral-ledger': 'SQLITE_FULL' }, failed: ['deadlines-board'], rebuilding: ['request-register'] },
      [{ code: 'PROJECTION_WORKER_STOPPED', message: 'projection threads stopped, restarting: cases, access-log' }],
    );
    expect(['cases', 'access-log', 'referral-ledger', 'deadlines-board', 'request-register', 'detention-register'].map((n) => runtimeOf(n, r))).toEqual([
      'restarting (thread stopped)', 'restarting (thread stopped)', 'stalled, retrying (SQLITE_FULL)', 'failed (see the service log)', 'rebuilding from the log', 'running',
    ]);
    expect(readinessLines('http://127.0.0.1:3000', r)).toEqual([
      'service at http://127.0.0.1:3000: NOT READY', '  PROJECTION_WORKER_STOPPED: projection threads stopped, restarting: cases, access-log',
    ]);
  });

  it('says so when no service answers, and where it looked', () => {
    expect(runtimeOf('cases', undefined)).toBe('service not reachable');
    expect(readinessLines('http://127.0.0.1:3000', undefined)[0]).toMatch(/not reachable \(set LIAISON_URL or PORT\)/);
    expect(serviceUrl({ PORT: '4100' })).toBe('http://127.0.0.1:4100');
    expect(serviceUrl({ LIAISON_URL: 'http://node-2:3000', PORT: '4100' })).toBe('http://node-2:3000');
  });
});

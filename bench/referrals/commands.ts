// Target 3: officers' referrals at 10 connections, with and without one platforms dashboard refreshing
// its panels (responsiveness, overdue referrals, action days) once a second, in alternating pairs.
import { pollDashboard, type DashboardResult } from '../api/dashboard.js';
import { load, measured, type Measured } from '../api/load.js';
import { referContent } from './bodies.js';
import type { ReferralsBenchConfig } from './config.js';

export const PLATFORMS_VIEW = ['/api/v1/platforms/responsiveness', '/api/v1/referrals/overdue', '/api/v1/referrals/action-days'] as const;

export interface CommandPair {
  without: Measured;
  with: Measured;
  dashboard: DashboardResult;
}

export async function timeCommands(
  service: { url: string; pid: number }, officerTokens: string[], dashboardToken: string, cfg: ReferralsBenchConfig['load'],
): Promise<CommandPair[]> {
  // Each command refers a fresh locator: a new referral stream, as most referrals are.
  const run = (seconds: number) => load({
    url: service.url, connections: cfg.connections, durationSec: seconds,
    headers: (i) => ({ authorization: `Bearer ${officerTokens[i % officerTokens.length]}` }),
    next: () => ({ path: '/api/v1/referrals', body: JSON.stringify(referContent()) }),
  });
  await run(cfg.warmUpSeconds);
  const pairs: CommandPair[] = [];
  for (let k = 0; k < cfg.pairs; k++) {
    const without = await measured(service.pid, () => run(cfg.seconds));
    const poller = pollDashboard(service.url, dashboardToken, { paths: PLATFORMS_VIEW, everyMs: cfg.dashboardEveryMs, headers: { 'x-purpose': 'bench: platforms view' } });
    const withDashboard = await measured(service.pid, () => run(cfg.seconds));
    pairs.push({ without, with: withDashboard, dashboard: await poller.stop() });
  }
  return pairs;
}

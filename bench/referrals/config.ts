export interface ReferralsBenchConfig {
  quick: boolean;
  /** Referrals in the stored log every measurement runs against. */
  referrals: number;
  /** Rows of the action-day list (the largest day so far, 28 Sep 2023). */
  listRows: number;
  /** Imports timed, each to a freshly planned day with fresh locators. */
  importRuns: number;
  /** Responsiveness queries over HTTP, one at a time, after `queryWarmUp` unmeasured ones; the same mix in-process. */
  queries: number;
  queryWarmUp: number;
  /** Command load: pairs of runs without and with the polling dashboard, alternating. */
  load: { connections: number; seconds: number; pairs: number; warmUpSeconds: number; dashboardEveryMs: number };
  targets: { importP50Ms: number; queryP99Ms: number; dashboardRatio: number };
}

/** Full: 1M referrals (~4.3M events); --quick: 100k referrals and fewer, shorter runs. */
export function referralsBenchConfig(args: readonly string[]): ReferralsBenchConfig {
  const quick = args.includes('--quick');
  return {
    quick,
    referrals: quick ? 100_000 : 1_000_000,
    listRows: 2145,
    importRuns: quick ? 3 : 7,
    queries: quick ? 300 : 2000,
    queryWarmUp: quick ? 20 : 100,
    load: { connections: 10, seconds: quick ? 4 : 10, pairs: quick ? 1 : 3, warmUpSeconds: quick ? 1 : 2, dashboardEveryMs: 1000 },
    targets: { importP50Ms: 1000, queryP99Ms: 20, dashboardRatio: 0.9 },
  };
}

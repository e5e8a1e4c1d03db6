export interface ProjectionsBenchConfig {
  quick: boolean;
  /** --sealed: the seeded log is sealed (every personal field encrypted, ADR 19) before anything is measured. */
  sealed: boolean;
  /** Events seeded into the store before anything is measured. */
  events: number;
  /** Cases per generator call; each call gets its own seed and case-id prefix. */
  casesPerChunk: number;
  /** Appends issued in one tick while seeding: they share one group-committed transaction. */
  seedAppendsPerTick: number;
  /** From-scratch builds of all projections; the median is reported. */
  rebuildReps: number;
  /** Start-ups with the files already at head; the median and worst are reported. */
  startupReps: number;
  lag: { ratePerSecond: number; seconds: number; warmupSeconds: number; timeoutMs: number };
  targets: { rebuildPerSecond: number; lagP99Ms: number; rssBytes: number; startupMs: number };
}

/** A full run stays under ~4 minutes; --quick divides counts and durations by 10 for a smoke test. */
export function projectionsBenchConfig(args: readonly string[]): ProjectionsBenchConfig {
  const quick = args.includes('--quick');
  const k = quick ? 0.1 : 1;
  return {
    quick,
    sealed: args.includes('--sealed'),
    events: 1_000_000 * k,
    casesPerChunk: 2000,
    seedAppendsPerTick: 2000,
    rebuildReps: quick ? 1 : 2,
    startupReps: 3,
    lag: { ratePerSecond: 1000, seconds: 10 * k, warmupSeconds: 0.5 * k, timeoutMs: 5000 },
    targets: { rebuildPerSecond: 100_000, lagP99Ms: 10, rssBytes: 300 * 1024 * 1024, startupMs: 2000 },
  };
}

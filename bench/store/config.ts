import type { Budget } from './workloads.js';

export interface StoreBenchConfig {
  quick: boolean;
  /** Workloads 1 and 3 alternate sides over this many rounds so drift hits both equally. */
  rounds: number;
  single: Budget;
  concurrent: Budget & { appenders: number; graceMs: number; drainMs: number };
  batch: Budget & { size: number };
  seed: { events: number; fallbackEvents: number; emmettBudgetMs: number; probeEvents: number };
  pageSize: number;
  stream: { events: number; reps: number };
}

/** Full run stays under ~4 minutes; --quick divides counts and durations by 10 for a smoke test. */
export function storeBenchConfig(args: readonly string[]): StoreBenchConfig {
  const quick = args.includes('--quick');
  const k = quick ? 0.1 : 1;
  return {
    quick,
    rounds: 3,
    single: { maxOps: 3000 * k, maxMs: 3000 * k },
    concurrent: { appenders: 50, maxOps: 100_000 * k, maxMs: 3000 * k, graceMs: quick ? 2000 : 5000, drainMs: 20_000 },
    batch: { size: 100, maxOps: 1000 * k, maxMs: 3000 * k },
    seed: { events: 1_000_000 * k, fallbackEvents: 200_000 * k, emmettBudgetMs: 60_000 * k, probeEvents: 50_000 * k },
    pageSize: 4096,
    stream: { events: 10_000 * k, reps: 5 },
  };
}

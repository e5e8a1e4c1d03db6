export interface RequestsBenchConfig {
  quick: boolean;
  /** Information requests and detentions (custody reviews) in the stored log. */
  requests: number;
  detentions: number;
  /** Answers timed per query over HTTP (one at a time, the series interleaved), after `warmUp` unmeasured ones each; the same in-process. */
  queries: number;
  warmUp: number;
  /** Statistics year asked (the generated requests are received Aug 2024 – Feb 2025). */
  year: number;
  targets: { queryP99Ms: number };
}

/** Full: 100k requests and 100k detentions; --quick: 10k and 10k, fewer answers timed. */
export function requestsBenchConfig(args: readonly string[]): RequestsBenchConfig {
  const quick = args.includes('--quick');
  return {
    quick,
    requests: quick ? 10_000 : 100_000,
    detentions: quick ? 10_000 : 100_000,
    queries: quick ? 300 : 1000,
    warmUp: quick ? 20 : 50,
    year: 2024,
    targets: { queryP99Ms: 20 },
  };
}

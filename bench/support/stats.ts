// Pure number helpers shared by every suite; kept free of I/O so they can be unit tested.

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for an empty sample rather than a misleading 0. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Per-second rate; NaN when nothing was timed so a broken run never looks infinitely fast. */
export function ratePerSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : Number.NaN;
}

/** How many times better `ours` is than `theirs`; for latencies pass lowerIsBetter. */
export function advantage(ours: number, theirs: number, lowerIsBetter = false): number {
  const r = lowerIsBetter ? theirs / ours : ours / theirs;
  return Number.isFinite(r) ? r : Number.NaN;
}

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

export function fmtMs(n: number): string {
  return Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : 'n/a';
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return 'n/a';
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

export function fmtMiB(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : 'n/a';
}

export type Verdict = 'PASS' | 'MISS' | '—';

export function verdict(value: number, target: number | undefined, lowerIsBetter = false): Verdict {
  if (target === undefined) return '—';
  if (!Number.isFinite(value)) return 'MISS';
  return (lowerIsBetter ? value <= target : value >= target) ? 'PASS' : 'MISS';
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
}

/** Count, extremes, median and p99 of a sample (NaN where empty). */
export function summarise(values: readonly number[]): Summary {
  return {
    n: values.length, min: values.length ? Math.min(...values) : Number.NaN, p50: percentile(values, 50),
    p99: percentile(values, 99), max: values.length ? Math.max(...values) : Number.NaN,
  };
}

import { ALL_PROJECTIONS } from '@liaison/projections';

/**
 * Projections split over worker threads (PROJECTION_WORKERS, default 1). Two threads let a from-scratch
 * build use both cores — measured ~23% faster on 2 vCPUs — at ~90 MB more RSS, so it is opt-in.
 * `cases` is about as heavy as the other read models together, so it gets a thread of its own.
 */
export function projectionGroups(workers: number): string[][] {
  const names = ALL_PROJECTIONS.map((p) => p.name);
  if (workers < 2) return [names];
  const first: string[] = names.filter((n) => n === 'cases' || n === 'access-log');
  return [first, names.filter((n) => !first.includes(n))].filter((g) => g.length > 0);
}

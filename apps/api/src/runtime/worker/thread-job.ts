/**
 * A job for the audit thread, as the runtime sees it: plain JSON with a `kind`. What the kinds are and
 * how they run is the audit room's business (audit/audit-jobs.ts), wired into the thread by its entry
 * (threads/query-worker.entry.ts); the runtime only carries them across, so it never imports audit.
 */
export interface ThreadJob {
  readonly kind: string;
  readonly [field: string]: unknown;
}

// Commit-to-visible lag under a steady append rate: single commands, each awaited for its commit,
// then timed until the projections report that position applied in every read model.
import type { EventStore } from '@liaison/event-store';
import { caseCommands, type Command } from './workload.js';

export interface PositionWaiter {
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean>;
}

export interface LagResult {
  appends: number;
  events: number;
  /** Samples after the warm-up, in ms: commit (append promise resolved) until visible. */
  lagMs: number[];
  /** Same window: append issued until its promise resolved (context: the fsync the store pays). */
  commitMs: number[];
  timeouts: number;
  errors: number;
  achievedPerSecond: number;
  /** Worst gap between scheduler ticks: shows when the event loop was blocked (by apply or a checkpoint). */
  maxTickGapMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Issues appends on a fixed schedule (append i is due at t0 + i / rate); whatever is due when the timer
 * fires is issued in that tick, so a late tick does not lower the rate, it only bunches appends.
 */
export async function measureLag(
  store: EventStore, target: PositionWaiter,
  opts: { ratePerSecond: number; seconds: number; warmupSeconds: number; timeoutMs: number; prefix: string; casesPerChunk: number },
): Promise<LagResult> {
  const total = Math.round(opts.ratePerSecond * opts.seconds);
  // Generated up front (a generator chunk takes ~100 ms, which would stall the schedule mid-run), and
  // only about as many cases as needed (~10 commands per case) to keep harness memory out of the RSS.
  const source = caseCommands(opts.prefix, Math.min(opts.casesPerChunk, Math.ceil(total / 9) + 10), 1000);
  const commands = Array.from({ length: total }, () => source.next().value as Command);
  const warmup = Math.round(opts.ratePerSecond * opts.warmupSeconds);
  const lagMs: number[] = [];
  const commitMs: number[] = [];
  const pending: Promise<void>[] = [];
  let timeouts = 0;
  let errors = 0;
  let events = 0;
  let issued = 0;
  let maxTickGapMs = 0;
  const t0 = performance.now();
  let lastTick = t0;
  while (issued < total) {
    const now = performance.now();
    maxTickGapMs = Math.max(maxTickGapMs, now - lastTick);
    lastTick = now;
    const due = Math.min(total, Math.floor(((now - t0) * opts.ratePerSecond) / 1000) + 1);
    for (; issued < due; issued++) {
      const c = commands[issued];
      const measured = issued >= warmup;
      events += c.events.length;
      const sent = performance.now();
      pending.push(store.append(c.streamId, c.events).then(
        async (r) => {
          const committed = performance.now();
          const ok = await target.waitForPosition(r.position, opts.timeoutMs);
          const visible = performance.now();
          if (!ok) timeouts++;
          else if (measured) {
            lagMs.push(visible - committed);
            commitMs.push(committed - sent);
          }
        },
        () => void errors++,
      ));
    }
    await sleep(1);
  }
  const elapsed = performance.now() - t0;
  await Promise.all(pending);
  return { appends: total, events, lagMs, commitMs, timeouts, errors, achievedPerSecond: (total * 1000) / elapsed, maxTickGapMs };
}

import { errorCode } from '../support/guard.js';
import { caseEvent, caseEvents, type StoreSubject } from './subject.js';

export interface Budget {
  maxOps: number;
  maxMs: number;
}

export interface Throughput {
  ok: number;
  elapsedMs: number;
  errors: number;
  errorCodes: Record<string, number>;
  /** Appends still unsettled when measurement stopped (emmett can stall for seconds). */
  unsettled: number;
}

export function emptyThroughput(): Throughput {
  return { ok: 0, elapsedMs: 0, errors: 0, errorCodes: {}, unsettled: 0 };
}

/** Rounds add up, so alternating sides across rounds still yields one figure per side. */
export function addThroughput(into: Throughput, t: Throughput): void {
  into.ok += t.ok;
  into.elapsedMs += t.elapsedMs;
  into.errors += t.errors;
  into.unsettled += t.unsettled;
  for (const [k, v] of Object.entries(t.errorCodes)) into.errorCodes[k] = (into.errorCodes[k] ?? 0) + v;
}

/** Each iteration awaits its own append before the next: latency-bound, like a request handler. */
async function loop(budget: Budget, step: (i: number) => Promise<number>): Promise<Throughput> {
  const t = emptyThroughput();
  const start = performance.now();
  const deadline = start + budget.maxMs;
  for (let i = 0; i < budget.maxOps && performance.now() < deadline; i++) {
    try {
      t.ok += await step(i);
    } catch (e) {
      countError(t, e);
    }
  }
  t.elapsedMs = performance.now() - start;
  return t;
}

export function singleAppends(s: StoreSubject, label: string, budget: Budget): Promise<Throughput> {
  // A new stream per append: "many streams", and the stream-head lookup is always a miss.
  return loop(budget, async (i) => {
    await s.appendOne(`case-${label}x${i}`, caseEvent(i));
    return 1;
  });
}

export function batchAppends(s: StoreSubject, label: string, budget: Budget, batchSize: number): Promise<Throughput> {
  // Cycling over 50 streams exercises both the new-stream and existing-stream paths.
  return loop(budget, async (i) => {
    await s.appendMany(`case-${label}x${i % 50}`, caseEvents(i * batchSize, batchSize));
    return batchSize;
  });
}

/**
 * `appenders` loops, each awaiting its own appends to its own stream, until the deadline. An
 * append still pending `graceMs` after the deadline is counted as unsettled, not waited for,
 * so a stalled store cannot stall the bench; `drain` lets the caller wait it out unmeasured.
 */
export async function concurrentAppends(
  s: StoreSubject, label: string, appenders: number, budget: Budget, graceMs: number,
): Promise<{ result: Throughput; drain: Promise<unknown> }> {
  const t = emptyThroughput();
  const start = performance.now();
  const deadline = start + budget.maxMs;
  const perAppender = Math.ceil(budget.maxOps / appenders);
  let inFlight = 0;
  let measuring = true;
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; i < perAppender && performance.now() < deadline; i++) {
      inFlight++;
      try {
        await s.appendOne(`case-${label}w${w}`, caseEvent(i));
        if (measuring) t.ok++;
      } catch (e) {
        if (measuring) countError(t, e);
      } finally {
        inFlight--;
      }
    }
  };
  const all = Promise.all(Array.from({ length: appenders }, (_, w) => worker(w)));
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - performance.now()) + graceMs);
  });
  await Promise.race([all, grace]);
  clearTimeout(timer);
  measuring = false;
  t.elapsedMs = performance.now() - start;
  t.unsettled = inFlight;
  return { result: t, drain: all };
}

/** Wall time of one full read of `stream`; callers warm up first and alternate sides. */
export async function timedStreamRead(s: StoreSubject, stream: string): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  const count = await s.readStream(stream);
  return { ms: performance.now() - t0, count };
}

function countError(t: Throughput, e: unknown): void {
  t.errors++;
  const k = errorCode(e);
  t.errorCodes[k] = (t.errorCodes[k] ?? 0) + 1;
}

import { COUNTERS } from './platform-responsiveness.contribution.js';

/**
 * The figures, each over the referrals of the row the viewer may see, all about round 1 (the content
 * as first referred; see platform-responsiveness.contribution.ts), times being business times:
 * - referred: referrals (by the month of referredAt, UTC). sent: of those, sent to the platform.
 * - removalRate: removed / sent, where removed = round 1's latest outcome is removal. null if sent = 0.
 * - medianHoursToRemoval / p90HoursToRemoval: over sent-and-removed referrals, whole hours from sentAt
 *   to removedAt (rounded down); the smallest h with at least 50 % / 90 % removed within h. null if none.
 * - unansweredAfter24hShare: answered = an acknowledgement or outcome, the earliest of them counts.
 *   eligible = sent referrals except unanswered ones sent less than 24 h before `now`; unanswered =
 *   answered later than 24 h after sending + not answered and sent at least 24 h before `now`. Share =
 *   unanswered / eligible, null when eligible = 0. Unanswered referrals are known by their sent hour,
 *   so "sent 24 h before now" means: sent in an hour (UTC, epoch-aligned) that began at or before
 *   floor-to-the-hour(now - 24 h). A referral withdrawn before any answer stays unanswered.
 * - unansweredAfter7dShare: the same with 7 × 24 h.
 * - ordersSent: removal orders sent. ordersWithin1hShare: orders removed within 60 min of sentAt
 *   (Regulation 2021/784 Art. 3(3)) / ordersSent; null if none.
 * - reuploadRate: referrals whose content reappeared at least once / removed (null if removed = 0);
 *   a reappearance after geo-blocking counts too, so it can exceed removals in rare rows.
 * - removed, declined, geoBlocked: round 1's latest outcome (sent or not). noResponse: a missed
 *   deadline was recorded in round 1, even if a late answer followed.
 */
export interface ResponsivenessFigures {
  referred: number;
  sent: number;
  removed: number;
  removalRate: number | null;
  medianHoursToRemoval: number | null;
  p90HoursToRemoval: number | null;
  unansweredAfter24hShare: number | null;
  unansweredAfter7dShare: number | null;
  ordersSent: number;
  ordersWithin1hShare: number | null;
  reuploadRate: number | null;
  declined: number;
  geoBlocked: number;
  noResponse: number;
}

const I = Object.fromEntries(COUNTERS.map((c, i) => [c, i])) as Record<(typeof COUNTERS)[number], number>;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

const NO_REMOVALS = new Float64Array(0);

/**
 * Sums counters, the removal-time histogram and recent pending referrals of any set of sub-cells
 * (responsiveness-cell.ts). The histogram is dense (removals by whole hour, as long as the slowest
 * removal): each sub-cell's sparse pairs are added once, and a sum of sums (a platform's months) adds
 * dense arrays. A query keeps one such array per platform and per origin and reuses one for its rows
 * (reset), so the garbage per answer stays a few arrays whatever the number of rows.
 */
export class FigureSum {
  private readonly c = COUNTERS.map(() => 0);
  private removalsByHour = NO_REMOVALS;
  private removalCount = 0;
  private lastHour = -1;
  private pendingAfter24 = 0;
  private pendingAfter7d = 0;
  private added = 0;

  /** True until counters were added: a row or total of nothing is left out of the answer. */
  isEmpty(): boolean {
    return this.added === 0;
  }

  /** Back to an empty sum, keeping the histogram's array for the next row. */
  reset(): void {
    this.c.fill(0);
    this.removalsByHour.fill(0, 0, this.lastHour + 1);
    this.removalCount = 0;
    this.lastHour = -1;
    this.pendingAfter24 = 0;
    this.pendingAfter7d = 0;
    this.added = 0;
  }

  /** Adds COUNTERS.length counters starting at `at`. */
  addCounters(counters: ArrayLike<number>, at = 0): void {
    this.added++;
    for (let i = 0; i < this.c.length; i++) this.c[i] += counters[at + i];
  }

  /** Adds the sorted (hours, count) pairs in data[start, end). */
  addHistogram(data: Int32Array, start = 0, end = data.length): void {
    if (end <= start) return;
    const r = this.histogramUpTo(data[end - 2]);
    let n = 0;
    for (let i = start; i < end; i += 2) {
      r[data[i]] += data[i + 1];
      n += data[i + 1];
    }
    this.removalCount += n;
  }

  /** Unanswered referrals sent after the 24 h cut and after the 7 d cut (the first are among the second). */
  addRecentPending(after24: number, after7d: number): void {
    this.pendingAfter24 += after24;
    this.pendingAfter7d += after7d;
  }

  /** Adds everything another sum holds (a row into its platform's total). */
  addSum(other: FigureSum): void {
    this.added += other.added;
    for (let i = 0; i < this.c.length; i++) this.c[i] += other.c[i];
    if (other.lastHour >= 0) {
      const r = this.histogramUpTo(other.lastHour);
      const o = other.removalsByHour;
      for (let h = 0; h <= other.lastHour; h++) r[h] += o[h];
    }
    this.removalCount += other.removalCount;
    this.addRecentPending(other.pendingAfter24, other.pendingAfter7d);
  }

  private histogramUpTo(hour: number): Float64Array {
    if (hour >= this.removalsByHour.length) {
      const grown = new Float64Array(Math.max(hour + 1, 2 * this.removalsByHour.length, 512));
      grown.set(this.removalsByHour);
      this.removalsByHour = grown;
    }
    if (hour > this.lastHour) this.lastHour = hour;
    return this.removalsByHour;
  }

  /**
   * The figures added to `label` (a fresh { platform, month } or { country }), after its fields.
   * Assigned onto it rather than spread into a new object: the spread of a generic label was a
   * fifth of the all-platforms answer's time.
   */
  figures<L extends Record<string, string>>(label: L): L & ResponsivenessFigures {
    return Object.assign(label, this.unlabelled());
  }

  private unlabelled(): ResponsivenessFigures {
    const c = this.c;
    const sent = c[I.sent];
    const pending = sent - c[I.answered];
    const share = (within: number, after: number): number | null =>
      ratio(c[I.answered] - within + (pending - after), sent - after);
    const [median, p90] = this.quantiles([0.5, 0.9]);
    return {
      referred: c[I.referred], sent, removed: c[I.removed], removalRate: ratio(c[I.removed], sent),
      medianHoursToRemoval: median, p90HoursToRemoval: p90,
      unansweredAfter24hShare: share(c[I.answered_within_24h], this.pendingAfter24),
      unansweredAfter7dShare: share(c[I.answered_within_7d], this.pendingAfter7d),
      ordersSent: c[I.orders_sent], ordersWithin1hShare: ratio(c[I.orders_removed_within_1h], c[I.orders_sent]),
      reuploadRate: ratio(c[I.reappeared], c[I.removed]), declined: c[I.declined], geoBlocked: c[I.geo_blocked],
      noResponse: c[I.no_response_recorded],
    };
  }

  /**
   * For each q (ascending), the smallest whole hour h with at least q of the removals within h; the
   * scan of the merged histogram stops at the last quantile instead of walking to the slowest removal.
   */
  private quantiles(qs: readonly number[]): (number | null)[] {
    const total = this.removalCount;
    if (total <= 0) return qs.map(() => null);
    const r = this.removalsByHour;
    const found: (number | null)[] = [];
    let cumulative = 0;
    for (let h = 0; h <= this.lastHour && found.length < qs.length; h++) {
      if (r[h] === 0) continue;
      cumulative += r[h];
      while (found.length < qs.length && cumulative >= qs[found.length] * total) found.push(h);
    }
    while (found.length < qs.length) found.push(this.lastHour);
    return found;
  }
}

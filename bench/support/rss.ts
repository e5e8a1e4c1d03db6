// RSS is process-wide, so peaks are also attributed to whichever side was running when they
// were sampled; that attribution is approximate because freed memory is not returned promptly.

export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private phase = 'idle';
  readonly peakByPhase = new Map<string, number>();
  peak = 0;

  constructor(private readonly intervalMs = 50) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    // Sampling must never keep the process alive after the bench finished.
    this.timer.unref();
  }

  /** Synchronous SQLite work blocks the timer, so phases sample on entry and exit too. */
  enter(phase: string): void {
    this.sample();
    this.phase = phase;
    this.sample();
  }

  stop(): { peakRss: number; maxRss: number; peakByPhase: Record<string, number> } {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.sample();
    // resourceUsage().maxRSS is in KiB and sees peaks the 50 ms timer missed while the loop was busy.
    return { peakRss: this.peak, maxRss: process.resourceUsage().maxRSS * 1024, peakByPhase: Object.fromEntries(this.peakByPhase) };
  }

  private sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    if (rss > (this.peakByPhase.get(this.phase) ?? 0)) this.peakByPhase.set(this.phase, rss);
  }
}

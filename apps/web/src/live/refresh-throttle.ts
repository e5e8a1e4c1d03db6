/**
 * When a view refetches as the read models advance. While officers record, live updates arrive every
 * few milliseconds: a debounce (wait for a pause) never fired during a busy hour, so dashboards froze
 * exactly when they mattered, and aborting the fetch in flight on each update threw every answer away.
 * Instead: one fetch at a time, at most one start per `minIntervalMs`, and one more after the last
 * update so the view always ends up current.
 */
export class RefreshThrottle {
  private inFlight = false;
  private stale = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastStart = Number.NEGATIVE_INFINITY;
  private stopped = false;

  /** `fetch` must settle (resolve or reject) and handle its own outcome. */
  constructor(
    private readonly fetch: () => Promise<unknown>,
    private readonly minIntervalMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The first fetch, at once. */
  start(): void {
    this.begin();
  }

  /** The read models advanced. */
  update(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.stale = true;
      return;
    }
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastStart + this.minIntervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.begin();
    }, wait);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private begin(): void {
    if (this.stopped) return;
    this.inFlight = true;
    this.stale = false;
    this.lastStart = this.now();
    const settled = () => {
      this.inFlight = false;
      if (this.stale) this.update();
    };
    this.fetch().then(settled, settled);
  }
}

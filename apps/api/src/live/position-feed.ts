import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import type { EventStore, Subscription } from '@liaison/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import { ProjectionsHost } from '../runtime/projections-host.js';

export type PositionListener = (position: bigint) => void;

/**
 * Streams of the facts dashboards show: cases, platform referrals, referral action days and
 * information requests (the Requests view and the deadlines board). Access records (audit) live in
 * `access-` streams and must not wake dashboards.
 */
export const FACT_STREAM_PREFIXES = ['case-', 'referral-', 'action-day-', 'information-request-'] as const;
const isFactStream = (streamId: string): boolean => FACT_STREAM_PREFIXES.some((p) => streamId.startsWith(p));
const WAIT_MS = 5_000;
/**
 * At most one announcement per this many ms (the last one always comes): every announcement is a
 * write to every open stream on the request thread, and a dashboard refetches at most once a second.
 */
export const ANNOUNCE_EVERY_MS = 250;

/**
 * Tells subscribers when the read models have applied a new fact event. Listens to the store (only
 * fact streams, FACT_STREAM_PREFIXES: personal-data reads append access records, and waking dashboards on those would
 * make every refetch trigger the next one), waits until the projections include the event, then
 * announces its position, which clients pass back as `minPosition`. Bursts are coalesced: while one
 * wait or pause is pending, later events only raise the target. One store subscription serves every open
 * stream and exists only while someone listens.
 */
@Injectable()
export class PositionFeed implements OnModuleDestroy {
  private readonly logger = new Logger('live');
  private readonly listeners = new Set<PositionListener>();
  private subscription: Subscription | undefined;
  private target = -1n;
  private announced = -1n;
  private draining = false;
  private lastAnnouncedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly host: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Everything the read models have applied so far (a valid `minPosition` for a first read). */
  current(): bigint {
    return this.host.runner.position();
  }

  subscribe(listener: PositionListener): () => void {
    this.listeners.add(listener);
    if (!this.subscription) this.follow();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.unfollow();
    };
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  async onModuleDestroy(): Promise<void> {
    this.listeners.clear();
    await this.unfollow();
  }

  private follow(): void {
    const sub = this.store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [...FACT_STREAM_PREFIXES] } });
    this.subscription = sub;
    void (async () => {
      try {
        for await (const event of sub) {
          if (isFactStream(event.streamId)) this.onFactEvent(event.position);
        }
      } catch (e) {
        if (this.subscription === sub) this.logger.warn({ msg: 'live feed subscription ended', error: (e as Error).name });
      }
      if (this.subscription === sub) this.subscription = undefined;
    })();
  }

  private async unfollow(): Promise<void> {
    const sub = this.subscription;
    this.subscription = undefined;
    await sub?.close().catch(() => undefined);
  }

  private onFactEvent(position: bigint): void {
    if (position <= this.target) return;
    this.target = position;
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.target > this.announced && this.listeners.size > 0) {
        const pause = this.lastAnnouncedAt + ANNOUNCE_EVERY_MS - Date.now();
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
        const target = this.target;
        // Announce only what a query can already see, so a refetch never meets a 503.
        if (!(await this.host.runner.waitForPosition(target, WAIT_MS))) continue;
        this.announced = target;
        this.lastAnnouncedAt = Date.now();
        for (const l of [...this.listeners]) l(target);
      }
    } finally {
      this.draining = false;
    }
  }
}

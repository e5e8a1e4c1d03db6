import type { Worker } from 'node:worker_threads';
import { rmSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { ERASURE_EVENT_TYPE, startWorkerThread, type EventStore, type Subscription } from '@liaison/event-store';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';
import { SnapshotFolder } from './snapshot-folder.js';
import { snapshotSettings, type SnapshotSettings, type SnapshotWorkerInit } from './snapshot-settings.js';
import type { SnapshotRun } from './take-snapshots.js';

/**
 * No run starts this soon after an erasure: the key is destroyed just after the erasure event commits
 * (ADR 19), and a run reading the person's earlier events before that would still see them in clear.
 */
const ERASURE_SETTLE_MS = 5000;

/**
 * Keeps DATA_DIR/snapshots (ADR 28): every `checkMs` it looks whether the log grew by `every` events
 * since the last run and, if so, runs takeSnapshots on a short-lived low-priority thread. It also
 * follows the log's erasures: each one starts a new generation of snapshots, deleting the older ones,
 * which may hold the erased person's values in clear (ADR 19).
 */
@Injectable()
export class SnapshotKeeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Snapshots');
  private readonly settings: SnapshotSettings | undefined;
  private readonly folder: SnapshotFolder;
  private timer: NodeJS.Timeout | undefined;
  private erasures: Subscription | undefined;
  private watching: Promise<void> | undefined;
  private caughtUp = false;
  private worker: Worker | undefined;
  private lastRunHead = -1n;
  private lastErasureSeenAt = Number.NEGATIVE_INFINITY;
  /** Every erasure up to here has been handled; written to the folder's marker on each tick. */
  private watchedThrough = -1n;
  private stopped = false;
  /** The last run's outcome, for specs and the bench. */
  lastRun: SnapshotRun | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, @Inject(EVENT_STORE) private readonly store: EventStore) {
    this.settings = snapshotSettings();
    this.folder = new SnapshotFolder(`${config.dataDir}/snapshots`);
  }

  onApplicationBootstrap(): void {
    const settings = this.settings;
    // Off: nothing would follow the erasures any more, so nothing taken earlier may stay.
    if (!settings) return rmSync(this.folder.root, { recursive: true, force: true });
    // Nothing folds yet: what a crash left in scratch files (personal data in clear) goes now.
    this.folder.clearScratch();
    this.lastRunHead = ALL_PROJECTIONS.reduce((max, p) => {
      const newest = this.folder.list(p.name, p.version).pop()?.position ?? -1n;
      return newest > max ? newest : max;
    }, -1n);
    void this.watchFrom().then((from) => {
      if (this.stopped) return;
      this.watchedThrough = from === 'start' ? -1n : from;
      this.erasures = this.store.subscribeToAll({
        fromPosition: from,
        filter: { eventTypes: [ERASURE_EVENT_TYPE] },
        onCaughtUp: () => void (this.caughtUp = true),
        onCheckpoint: (scanned) => void (this.watchedThrough = scanned),
      });
      this.watching = this.followErasures(this.erasures);
      this.timer = setInterval(() => this.tick(settings), settings.checkMs);
      this.timer.unref();
    }, (e: Error) => this.giveUp(e));
  }

  /**
   * Where to follow erasures from: where the last process left off; with no record of that, the
   * head if no snapshot exists (nothing an earlier erasure could concern; the reconciler destroyed
   * its keys before this starts, ADR 19), else the log's start.
   */
  private async watchFrom(): Promise<bigint | 'start'> {
    const through = this.folder.watchedThrough();
    if (through !== undefined) return through;
    return this.folder.empty() ? this.store.headPosition() : 'start';
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.erasures?.close();
    await this.watching;
    await this.worker?.terminate();
  }

  private async followErasures(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (event.type !== ERASURE_EVENT_TYPE) continue;
        this.folder.startGeneration(event.position);
        this.watchedThrough = event.position;
        this.lastErasureSeenAt = Date.now();
        this.lastRunHead = -1n;
        this.logger.log(`erasure at ${event.position}: snapshots taken before it deleted`);
      }
    } catch (e) {
      this.giveUp(e as Error);
    }
  }

  /** Without the erasures followed no snapshot may be kept: they are derived, so drop them all. */
  private giveUp(e: Error): void {
    this.logger.error(`following erasures failed (${e.name}); snapshots deleted and no longer taken`);
    clearInterval(this.timer);
    rmSync(this.folder.root, { recursive: true, force: true });
  }

  private tick(settings: SnapshotSettings): void {
    try {
      if (this.watchedThrough > (this.folder.watchedThrough() ?? -1n)) this.folder.watched(this.watchedThrough);
    } catch (e) {
      // A timer's exception would end the service; the marker is written again on the next tick.
      this.logger.warn(`snapshot marker not written (${(e as Error).name}); retried on the next tick`);
      return;
    }
    if (!this.caughtUp || this.worker || Date.now() - this.lastErasureSeenAt < ERASURE_SETTLE_MS) return;
    void this.store.headPosition().then((head) => {
      if (this.worker || head - this.lastRunHead < BigInt(settings.every)) return;
      this.lastRunHead = head;
      const init: SnapshotWorkerInit = { config: this.config, root: this.folder.root, policy: { every: settings.every, budgetBytes: settings.budgetBytes } };
      const worker = startWorkerThread(import.meta.url, '../../threads/snapshot-worker.entry', init);
      this.worker = worker;
      worker.on('message', (run: SnapshotRun) => {
        this.lastRun = run;
        this.logger.log(`snapshots: ${run.written} written, ${run.pruned} pruned, ${Math.round(run.bytes / 1048576)} MiB held`);
      });
      worker.on('error', (e: Error) => this.logger.error(`snapshot run failed: ${e.name}: ${e.message}`));
      worker.on('exit', () => void (this.worker = undefined));
    }).catch((e: Error) => this.logger.warn(`snapshot run not started (${e.name}); tried again on a later tick`));
  }
}

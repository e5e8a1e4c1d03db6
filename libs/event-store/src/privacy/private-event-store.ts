import type {
  AppendOptions, AppendResult, EventStore, EventToAppend, ReadAllOptions, ReadStreamOptions, RecordedEvent,
  SubscribeToAllOptions, Subscription,
} from '../event-store.port.js';
import type { WriteFault } from '../storage-faults.js';
import { decryptEvents, encryptEvents, type EventData } from './event-data-crypto.js';
import type { PersonalDataPolicy } from './field-policy.js';
import type { SubjectKeyStore } from './subject-key-store.js';

/** The one event type that destroys a key once stored (ADR 19); its data names the subject and the time. */
export const ERASURE_EVENT_TYPE = 'PersonalDataErased';

export interface PrivateEventStoreOptions {
  policy: PersonalDataPolicy;
  keys: SubjectKeyStore;
  /** False: new events are stored as given (reads still decrypt). Default true. */
  sealing?: boolean;
  /** Where a destroy that failed after its erasure event was stored is reported (ids only, no personal data). */
  onDestroyFailed?: (subject: string, error: unknown) => void;
}

/**
 * The event store as everyone above it sees it (ADR 19): personal values are sealed by the command path
 * (`seal`, before the hash chain, so the chain hashes ciphertext) and every read opens them again, an
 * erased subject's as `{ $redacted: 'erased' }`. Storing an erasure event destroys the subject's key.
 * Decryption follows the envelopes found, so events written before encryption read as they are.
 */
export class PrivateEventStore implements EventStore {
  readonly onCommitted?: EventStore['onCommitted'];
  readonly lastWriteFault?: () => WriteFault | undefined;

  constructor(readonly inner: EventStore, private readonly options: PrivateEventStoreOptions) {
    if (inner.onCommitted) this.onCommitted = (listener) => inner.onCommitted!(listener);
    if (inner.lastWriteFault) this.lastWriteFault = () => inner.lastWriteFault!();
  }

  /** The events with their personal fields encrypted; ids must already be set (they are in the associated data). */
  seal<E extends EventData>(events: readonly E[]): Promise<E[]> {
    if (this.options.sealing === false) return Promise.resolve([...events]);
    return encryptEvents(this.options.policy, this.options.keys, events);
  }

  async append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, options);
    // The erasure is durable first, then the key goes: a crash in between leaves an erasure event
    // without a tombstone, which `reconcileErasures` finds and completes at the next start.
    for (const event of events) if (event.type === ERASURE_EVENT_TYPE) await this.destroyFor(event);
    return result;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.opened(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readAll(options);
    const dataOf = options?.dataOf;
    if (!dataOf) return this.opened(events);
    // Only the data the reader will look at is opened (a GCM operation per subject per event, the
    // bulk of a sealed rebuild's cost); the rest comes back sealed, as stored.
    const wanted = events.filter((e) => dataOf.has(e.type));
    if (wanted.length === events.length) return this.opened(events);
    const opened = new Map((await this.opened(wanted, events)).map((e) => [e.position, e]));
    return events.map((e) => opened.get(e.position) ?? e);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    const subscription = this.inner.subscribeToAll(options);
    const opened = (events: RecordedEvent[]) => this.opened(events);
    return {
      close: () => subscription.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of subscription) yield (await opened([event]))[0];
      },
    };
  }

  /**
   * A reader that meets an erasure (among all it `read`, opened or not) forgets the subject's cached key
   * before opening anything, so the erasure holds in this process at once even if another process
   * destroyed the key (the key store also notices other processes' erasures by itself, within its
   * epoch interval).
   */
  private opened(events: RecordedEvent[], read: readonly RecordedEvent[] = events): Promise<RecordedEvent[]> {
    const keys = this.options.keys;
    if (keys.forget) for (const e of read) if (e.type === ERASURE_EVENT_TYPE) keys.forget(String(e.data.subject));
    return decryptEvents(keys, events);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  async close(): Promise<void> {
    await this.inner.close();
    await this.options.keys.close();
  }

  /**
   * Destroys the key of every erasure in the log that has no tombstone yet: the repair for a crash
   * between an erasure event and its key's destruction, and for a key store restored from a backup
   * older than the last erasure (ADR 19). Idempotent; returns how many keys it destroyed.
   */
  async reconcileErasures(): Promise<number> {
    const keys = this.options.keys;
    let repaired = 0;
    const head = await this.inner.headPosition();
    const from = (await keys.erasuresAppliedThrough?.()) ?? -1n;
    if (head <= from) return 0;
    // Only erasure events are decoded (the embedded store filters rows by type before parsing them);
    // the subscription is closed once it has caught up with the log as it was when this started.
    const subscription: Subscription = this.inner.subscribeToAll({
      fromPosition: from < 0n ? 'start' : from,
      filter: { eventTypes: [ERASURE_EVENT_TYPE] },
      onCaughtUp: () => void subscription.close(),
    });
    try {
      for await (const event of subscription) {
        if (event.type === ERASURE_EVENT_TYPE) {
          const subject = String(event.data.subject);
          const found = (await keys.lookup([subject])).get(subject);
          if (found?.kind !== 'erased') {
            await this.destroyFor(event);
            repaired++;
          }
        }
        if (event.position >= head) break;
      }
    } finally {
      await subscription.close();
    }
    await keys.markErasuresAppliedThrough?.(head);
    return repaired;
  }

  private async destroyFor(event: Pick<EventToAppend, 'id' | 'data' | 'metadata'>): Promise<void> {
    const subject = String(event.data.subject);
    const erasedAt = String(event.data.erasedAt ?? event.metadata.occurredAt);
    try {
      await this.options.keys.destroy(subject, { eventId: String(event.id), erasedAt });
    } catch (e) {
      // The erasure event is stored and acknowledged; the key goes at the next reconcile.
      this.options.onDestroyFailed?.(subject, e);
    }
  }
}

/** The adapter under any decorators, for adapter-specific features (the embedded store's commit signal). */
export const innermostStore = (store: EventStore): EventStore =>
  store instanceof PrivateEventStore ? innermostStore(store.inner) : store;

// subscribeToAll on top of the client's subscription stream.
//
// Always subscribes with a server-side filter: the caller's event types or stream prefixes, or
// else "types not starting with '$'". A filtered subscription gets checkpoints, so onCheckpoint
// keeps moving through runs of events the caller does not want (system events included).
// The server filters by prefix and on one field only; exact type matching, the second field and
// dropping '$' streams happen here.
//
// Checkpoints and caught-up are pushed into the client stream's own buffer from inside its
// transform, so they stay in order with the events around them. onCheckpoint(p) runs when the
// consumer asks for the next item after the events before p, never ahead of unprocessed events.
// onCaughtUp needs the server's caught_up message (EventStoreDB 23.10+; older servers never send it).
//
// Survives dropped connections: when the call fails with a fault the client reconnects from (node
// gone, connection cut, leader change), it subscribes again after the last position it handed the
// consumer (an event, or a checkpoint the consumer was told about), with growing pauses while the
// server stays out of reach. The consumer sees one gap-free, duplicate-free sequence; onCaughtUp
// still fires once. A subscription 'from end' first reads the head's position, so even a drop
// before its first event loses nothing written in between.
import {
  BACKWARDS,
  eventTypeFilter,
  streamNameFilter,
  END,
  START,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Filter,
} from '@eventstore/db-client';
import type { RecordedEvent, SubscribeToAllOptions, Subscription, SubscriptionFilter } from '../event-store.port.js';
import { isSystemEvent, toClientPosition, toPortError, toRecordedEvent } from './esdb-mapping.js';
import { StorageUnavailable } from '../storage-faults.js';
import { ReconnectPause } from './reconnect-pause.js';

const CHECKPOINT = Symbol('checkpoint');
const CAUGHT_UP = Symbol('caughtUp');
type Marker = { kind: typeof CHECKPOINT; position: bigint } | { kind: typeof CAUGHT_UP };
type Item = AllStreamResolvedEvent | Marker;
/** The client's subscription is a Transform; markers go into its readable side. */
type Pushable = { push(chunk: Marker): boolean };

const CLOSE_TIMEOUT_MS = 2_000;

export function subscribeToAll(client: EventStoreDBClient, options: SubscribeToAllOptions = {}): Subscription {
  const wanted = localPredicate(options.filter);
  const checkpointReached = async (s: AllStreamSubscription, position: { commit: bigint }) => {
    (s as unknown as Pushable).push({ kind: CHECKPOINT, position: position.commit });
  };
  const filter = serverFilter(options.filter, checkpointReached);
  // Where a (re)subscription starts: exclusive, the last position the consumer has been handed.
  let resumeAfter: bigint | typeof START | typeof END = options.fromPosition ?? START;
  if (typeof resumeAfter === 'bigint' && resumeAfter < 0n) resumeAfter = START;
  let sub: AllStreamSubscription | undefined;
  let closed = false;
  let caughtUpReported = false;
  const pause = new ReconnectPause();
  // 'end' becomes the head's position, read now (when the caller subscribes), so that a reconnect
  // before the first event leaves no gap.
  const head = resumeAfter === END ? pause.retrying(() => lastPosition(client), () => closed) : undefined;
  head?.catch(() => undefined); // seen by the iteration; unhandled if nobody iterates

  const open = (): AllStreamSubscription => {
    const stream = client.subscribeToAll({ fromPosition: typeof resumeAfter === 'bigint' ? toClientPosition(resumeAfter) : resumeAfter, filter });
    stream.on('caughtUp', () => (stream as unknown as Pushable).push({ kind: CAUGHT_UP }));
    // Without a listener an error before iteration starts (or with none at all) would crash the
    // process; the iterator still sees it through the stream's own error state.
    stream.on('error', () => undefined);
    return stream;
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    pause.cancel();
    const s = sub;
    sub = undefined;
    if (!s) return;
    // unsubscribe() cancels the call; give it a bound, then drop the stream either way.
    await Promise.race([s.unsubscribe().catch(() => undefined), new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS).unref())]);
    s.destroy();
  };

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    try {
      if (head) {
        const position = await head;
        if (position === undefined) return;
        resumeAfter = position;
      }
      while (!closed) {
        const s = (sub = open());
        try {
          for await (const item of s as AsyncIterable<Item>) {
            if (closed) return;
            pause.reset();
            if ('kind' in item) {
              if (item.kind === CHECKPOINT) {
                await options.onCheckpoint?.(item.position);
                resumeAfter = item.position;
              } else if (!caughtUpReported) {
                caughtUpReported = true;
                options.onCaughtUp?.();
              }
              continue;
            }
            // Resumed from here when the consumer asks for the next one: by then it has processed this.
            if (item.event?.position) resumeAfter = item.event.position.commit;
            if (isSystemEvent(item) || !wanted(item)) continue;
            yield toRecordedEvent(item);
          }
        } catch (error) {
          if (closed) return; // destroying the stream on close ends the iteration with a premature-close error
          const fault = toPortError(error, '$all');
          // A dropped connection, a node going away, a leader change: the client dials again on the next
          // call, so subscribe again after the last position handed out (no gap, nothing twice).
          if (!(fault instanceof StorageUnavailable)) throw fault;
        }
        s.destroy();
        // Ended by close() (e.g. from onCaughtUp, while this loop waited for the next item): done.
        if (closed) return;
        await pause.wait();
      }
    } finally {
      await close();
    }
  }

  let started = false;
  return {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('A subscription can be iterated only once');
      started = true;
      return iterate();
    },
    close,
  };
}

/** The position of the last record in $all (system records too: a subscription after it is exclusive). */
async function lastPosition(client: EventStoreDBClient): Promise<bigint | typeof START> {
  try {
    for await (const e of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      if (e.event?.position) return e.event.position.commit;
    }
    return START;
  } catch (error) {
    throw toPortError(error, '$all');
  }
}

function serverFilter(filter: SubscriptionFilter | undefined, checkpointReached: Filter['checkpointReached']): Filter {
  // checkpointInterval 1 = a checkpoint per search window (32 events considered on a real server).
  const common = { checkpointInterval: 1, checkpointReached };
  if (filter?.eventTypes?.length) return eventTypeFilter({ prefixes: filter.eventTypes, ...common });
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: filter.streamPrefixes, ...common });
  return eventTypeFilter({ regex: '^[^$]', ...common });
}

function localPredicate(filter: SubscriptionFilter | undefined): (e: AllStreamResolvedEvent) => boolean {
  const types = filter?.eventTypes?.length ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes?.length ? filter.streamPrefixes : undefined;
  return (resolved) => {
    const e = resolved.event;
    if (!e) return false;
    if (types && !types.has(e.type)) return false;
    if (prefixes && !prefixes.some((p) => e.streamId.startsWith(p))) return false;
    return true;
  };
}

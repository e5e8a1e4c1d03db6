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
import {
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

const CHECKPOINT = Symbol('checkpoint');
const CAUGHT_UP = Symbol('caughtUp');
type Marker = { kind: typeof CHECKPOINT; position: bigint } | { kind: typeof CAUGHT_UP };
type Item = AllStreamResolvedEvent | Marker;
/** The client's subscription is a Transform; markers go into its readable side. */
type Pushable = { push(chunk: Marker): boolean };

const CLOSE_TIMEOUT_MS = 2_000;

export function subscribeToAll(client: EventStoreDBClient, options: SubscribeToAllOptions = {}): Subscription {
  const wanted = localPredicate(options.filter);
  let sub: AllStreamSubscription | undefined;
  const checkpointReached = async (s: AllStreamSubscription, position: { commit: bigint }) => {
    (s as unknown as Pushable).push({ kind: CHECKPOINT, position: position.commit });
  };
  const from = options.fromPosition ?? START;
  sub = client.subscribeToAll({
    fromPosition: from === START || from === END ? from : from < 0n ? START : toClientPosition(from),
    filter: serverFilter(options.filter, checkpointReached),
  });
  const stream = sub;
  stream.on('caughtUp', () => (stream as unknown as Pushable).push({ kind: CAUGHT_UP }));
  // Without a listener an error before iteration starts (or with none at all) would crash the
  // process; the iterator still sees it through the stream's own error state.
  stream.on('error', () => undefined);

  let closed = false;
  let caughtUpReported = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    const s = sub;
    sub = undefined;
    if (!s) return;
    // unsubscribe() cancels the call; give it a bound, then drop the stream either way.
    await Promise.race([s.unsubscribe().catch(() => undefined), new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS).unref())]);
    s.destroy();
  };

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    const s = sub;
    if (!s) return;
    try {
      for await (const item of s as AsyncIterable<Item>) {
        if (closed) return;
        if ('kind' in item) {
          if (item.kind === CHECKPOINT) await options.onCheckpoint?.(item.position);
          else if (!caughtUpReported) {
            caughtUpReported = true;
            options.onCaughtUp?.();
          }
          continue;
        }
        if (isSystemEvent(item) || !wanted(item)) continue;
        yield toRecordedEvent(item);
      }
    } catch (error) {
      if (closed) return; // destroying the stream on close ends the iteration with a premature-close error
      throw toPortError(error, '$all');
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

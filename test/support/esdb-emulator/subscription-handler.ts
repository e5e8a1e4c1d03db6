// Subscriptions on Streams.Read for the emulator: confirmation, catch-up, caught_up, then live
// delivery, with server-side filters and checkpoints. One cursor walks the shared log; writes stop
// when grpc-js reports a full buffer and resume on 'drain', so a slow client cannot make the
// emulator buffer without bound (grpc-js itself would).
//
// Not faithful: no fell_behind (the cursor simply waits), no link resolution, regex filters use
// JavaScript's RegExp instead of .NET's (same for simple patterns), subscriptions to a single
// stream are delivered from the same log walk. Checkpoints follow the server's rule of one per
// (checkpointIntervalMultiplier × window) events considered, window = `max` or 32 for `count`; the
// emulator also sends one when catch-up ends if events were considered since the last, so a filter
// that matches nothing still moves a subscriber's checkpoint (newer servers behave alike).
import { randomUUID } from 'node:crypto';
import type { EmulatedLog, StoredEvent } from './emulated-log.js';
import { checkpointResponse, readEventResponse, streamName, streamsPb } from './emulator-proto.js';
import type { ReadCall } from './read-handler.js';
import { drained } from './read-handler.js';

type Options = InstanceType<typeof streamsPb.ReadReq.Options>;
type Predicate = (e: StoredEvent) => boolean;

const DEFAULT_SEARCH_WINDOW = 32;

export function subscribe(log: EmulatedLog, call: ReadCall, options: Options): void {
  const { start, matches } = options.hasStream() ? streamSelection(log, options) : allSelection(log, options);
  const filter = options.getFilter();
  const interval = filter ? Math.max(1, filter.getCheckpointintervalmultiplier()) * (filter.getMax() || DEFAULT_SEARCH_WINDOW) : 0;

  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  const confirm = new streamsPb.ReadResp();
  confirm.setConfirmation(confirmation);
  call.write(confirm);

  let cursor = start;
  // Like the server, catch-up ends at the head as it was when the subscription started; what is
  // appended after that is live, even if it is still being read from the log.
  const catchUpEnd = Math.max(start, log.all.length);
  let considered = 0;
  let caughtUp = false;
  let pumping = false;
  let closed = false;
  let lastConsidered: bigint | undefined;

  const pump = async () => {
    if (pumping || closed) return;
    pumping = true;
    try {
      while (!closed) {
        if (!caughtUp && cursor >= catchUpEnd) {
          caughtUp = true;
          if (filter && considered > 0 && lastConsidered !== undefined) {
            considered = 0;
            if (!call.write(checkpointResponse(lastConsidered))) await drained(call);
          }
          const resp = new streamsPb.ReadResp();
          resp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
          if (!call.write(resp)) await drained(call);
          continue; // appends may have landed while parked on 'drain'
        }
        if (cursor >= log.all.length) return;
        const event = log.all[cursor++];
        let ok = true;
        if (matches(event)) ok = call.write(readEventResponse(event));
        if (filter) {
          considered++;
          lastConsidered = event.position;
          if (considered >= interval) {
            considered = 0;
            ok = call.write(checkpointResponse(event.position)) && ok;
          }
        }
        if (!ok) await drained(call);
      }
    } finally {
      pumping = false;
    }
  };
  const onAppended = () => void pump().then(() => undefined, stop);
  function stop() {
    closed = true;
    log.events.off('appended', onAppended);
  }
  log.events.on('appended', onAppended);
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);
  void pump().then(() => {
    // An append may have landed while the pump was parked on 'drain'.
    if (!closed && cursor < log.all.length) onAppended();
  }, stop);
}

function allSelection(log: EmulatedLog, options: Options): { start: number; matches: Predicate } {
  const ao = options.getAll();
  const pos = ao?.getPosition();
  // Subscribing from a position is exclusive: the position is the last event already seen.
  const start = ao?.hasEnd() ? log.all.length : pos ? log.indexAtOrAfter(BigInt(pos.getCommitPosition()) + 1n) : 0;
  return { start, matches: filterPredicate(options) };
}

function streamSelection(log: EmulatedLog, options: Options): { start: number; matches: Predicate } {
  const so = options.getStream();
  const name = streamName(so?.getStreamIdentifier());
  const events = log.stream(name) ?? [];
  let start = 0;
  if (so?.hasEnd()) start = log.all.length;
  else if (so?.hasRevision()) {
    const after = events[Number(BigInt(so.getRevision()))];
    start = after ? log.indexAtOrAfter(after.position + 1n) : log.all.length;
  }
  return { start, matches: (e) => e.streamId === name };
}

// Prefix filters match when the name starts with ANY of the prefixes, as the server's
// StreamIdPrefixStrategy / EventTypePrefixStrategy do (`_expectedPrefixes.Any(p => name.StartsWith(p))`,
// checked in EventStore/EventStore src/EventStore.Core/Services/Storage/ReaderIndex/EventFilter.cs):
// the live feed subscribes with several stream prefixes at once (case-, referral-, action-day-).
// On $all the server also drops persistent-subscription checkpoint/parked streams first
// (DefaultAllFilter); the emulator has no persistent subscriptions, so there are none to drop.
function filterPredicate(options: Options): Predicate {
  const filter = options.getFilter();
  if (!filter) return () => true;
  const onType = filter.hasEventType();
  const expr = onType ? filter.getEventType() : filter.getStreamIdentifier();
  const prefixes = expr?.getPrefixList() ?? [];
  const regex = expr?.getRegex() ? new RegExp(expr.getRegex()) : undefined;
  return (e) => {
    const subject = onType ? e.type : e.streamId;
    if (regex) return regex.test(subject);
    return prefixes.some((p) => subject.startsWith(p));
  };
}

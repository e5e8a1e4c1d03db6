// Streams.Read for the emulator: bounded reads of one stream or of $all. Subscriptions arrive on the
// same RPC (options.subscription instead of options.count) and are handed to subscription-handler.
// Like a real server, $all reads from a position accept only an event's own position (a record
// boundary), so callers that step to "position + 1" fail here too. No resolve-links, no filtered reads.
import * as grpc from '@grpc/grpc-js';
import type { EmulatedLog, StoredEvent } from './emulated-log.js';
import { readEventResponse, streamIdentifier, streamName, streamsPb } from './emulator-proto.js';
import { subscribe } from './subscription-handler.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
export type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;

const FORWARDS = 0;

export function handleRead(log: EmulatedLog, call: ReadCall): void {
  const options = call.request.getOptions();
  if (!options) return fail(call, grpc.status.INVALID_ARGUMENT, 'missing options');
  if (options.hasSubscription()) return subscribe(log, call, options);
  // Neither client nor emulator filters plain reads (6.2.1 never sends a filter on readAll).
  if (options.hasFilter()) return fail(call, grpc.status.UNIMPLEMENTED, 'emulator: filtered reads are not emulated');
  const count = BigInt(options.getCount() || '0');
  const forwards = options.getReadDirection() === FORWARDS;
  const selected = options.hasStream() ? readStream(log, call, options, forwards) : readAll(log, call, options, forwards);
  if (selected === undefined) return;
  void writeBounded(call, selected, count);
}

function readStream(log: EmulatedLog, call: ReadCall, options: Options, forwards: boolean): StoredEvent[] | undefined {
  const so = options.getStream();
  const name = streamName(so?.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) {
    // The server's answer for a missing stream: one stream_not_found message, then OK.
    const nf = new streamsPb.ReadResp.StreamNotFound();
    nf.setStreamIdentifier(streamIdentifier(name));
    const resp = new streamsPb.ReadResp();
    resp.setStreamNotFound(nf);
    call.write(resp);
    call.end();
    return undefined;
  }
  const last = events.length - 1;
  // Revisions are inclusive in both directions.
  const from = so?.hasRevision() ? Number(BigInt(so.getRevision())) : so?.hasEnd() ? (forwards ? events.length : last) : forwards ? 0 : last;
  return forwards ? events.slice(from) : events.slice(0, Math.min(from, last) + 1).reverse();
}

function readAll(log: EmulatedLog, call: ReadCall, options: Options, forwards: boolean): StoredEvent[] | undefined {
  const ao = options.getAll();
  const pos = ao?.getPosition();
  if (pos) {
    const at = log.indexAtOrAfter(BigInt(pos.getCommitPosition()));
    if (log.all[at]?.position !== BigInt(pos.getCommitPosition())) {
      fail(call, grpc.status.INVALID_ARGUMENT, `emulator: $all position ${pos.getCommitPosition()} is not an event's position`);
      return undefined;
    }
  }
  if (forwards) {
    // Forwards from a position is inclusive.
    const from = ao?.hasEnd() ? log.all.length : pos ? log.indexAtOrAfter(BigInt(pos.getCommitPosition())) : 0;
    return log.all.slice(from);
  }
  // Backwards from a position returns what lies strictly before it (the server's post-position).
  const to = pos ? log.indexAtOrAfter(BigInt(pos.getCommitPosition())) : log.all.length;
  return log.all.slice(0, to).reverse();
}

/** Writes at most `count` events, honouring backpressure, then ends the call. */
async function writeBounded(call: ReadCall, events: StoredEvent[], count: bigint): Promise<void> {
  const n = count < BigInt(events.length) ? Number(count) : events.length;
  for (let i = 0; i < n; i++) {
    if (call.cancelled || call.destroyed) return;
    if (!call.write(readEventResponse(events[i]))) await drained(call);
  }
  if (!call.cancelled) call.end();
}

export function drained(call: ReadCall): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('close', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('close', done);
    call.on('cancelled', done);
  });
}

export function fail(call: ReadCall, code: grpc.status, details: string): void {
  call.emit('error', { code, details, metadata: new grpc.Metadata() });
}

// Streams.Append (client-streaming) and Streams.BatchAppend (bidirectional) for the emulator.
// Conflicts are answered the way a v21+ server does: Append returns OK carrying
// AppendResp.wrong_expected_version (the 20.6.0 fields are left unset); BatchAppend returns a
// google.rpc.Status whose details pack event_store.client.WrongExpectedVersion, echoing the
// correlation id and stream. Max append size as a v24.10 server checks it (see MAX_APPEND_SIZE).
// Not faithful: no stream-deleted answers (the emulator has no deletes), BatchAppend's per-request
// deadline is ignored.
import * as grpc from '@grpc/grpc-js';
import type { AppendOutcome, EmulatedLog, Expected, ProposedEvent } from './emulated-log.js';
import { underFaults, type EmulatorFaults } from './emulator-faults.js';
import { googleAnyPb, googleEmptyPb, isUuid, sharedPb, statusPb, streamName, streamsPb, uuidString } from './emulator-proto.js';

type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
type Proposed = InstanceType<typeof streamsPb.AppendReq.ProposedMessage> | InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>;

const GRPC_CODE_FAILED_PRECONDITION = 9;
const GRPC_CODE_INVALID_ARGUMENT = 3;

/**
 * The server's default MaxAppendSize (ClusterVNodeOptions.cs, EventStore/EventStore v24.10.0): an
 * append whose events add up to more is refused whole. Each event counts as Event.SizeOnDisk
 * (Data/Event.cs), written `data?.Length ?? 0 + metadata?.Length ?? 0 + eventType.Length * 2`: C#'s
 * `??` binds looser than `+`, so it is the data's length alone; so it is here. Append: an
 * INVALID_ARGUMENT error with trailers exception=maximum-append-size-exceeded, maximum-append-size
 * (RpcExceptions.MaxAppendSizeExceeded); BatchAppend: a Status packing MaximumAppendSizeExceeded.
 */
export const MAX_APPEND_SIZE = 1024 * 1024;

const appendSize = (events: ProposedEvent[]) => events.reduce((n, e) => n + e.data.length, 0);

function toProposed(m: Proposed): ProposedEvent {
  const meta = m.getMetadataMap();
  const id = uuidString(m.getId());
  if (!id || !isUuid(id)) throw Object.assign(new Error(`invalid event id: ${String(id)}`), { code: grpc.status.INVALID_ARGUMENT });
  const type = meta.get('type');
  if (!type) throw Object.assign(new Error('missing event type'), { code: grpc.status.INVALID_ARGUMENT });
  return {
    id,
    type,
    contentType: meta.get('content-type') ?? 'application/octet-stream',
    data: m.getData_asU8(),
    customMetadata: m.getCustomMetadata_asU8(),
  };
}

export function handleAppend(
  log: EmulatedLog, call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>, faults?: EmulatorFaults,
): void {
  let stream = '';
  let expected: Expected | undefined;
  const proposed: ProposedEvent[] = [];
  let failed = false;
  call.on('data', (req: AppendReq) => {
    if (failed) return;
    try {
      const options = req.getOptions();
      if (options) {
        stream = streamName(options.getStreamIdentifier());
        expected = options.hasRevision()
          ? { kind: 'revision', revision: BigInt(options.getRevision()) }
          : options.hasNoStream() ? { kind: 'no_stream' } : options.hasStreamExists() ? { kind: 'stream_exists' } : { kind: 'any' };
      }
      const message = req.getProposedMessage();
      if (message) proposed.push(toProposed(message));
    } catch (e) {
      failed = true;
      callback(e as grpc.ServiceError);
    }
  });
  call.on('end', () => {
    if (failed) return;
    if (!expected) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'options must come first' } as grpc.ServiceError);
    // The size is checked as the messages arrive (Streams.Append.cs), before the write reaches a leader.
    if (appendSize(proposed) > MAX_APPEND_SIZE) {
      const metadata = new grpc.Metadata();
      metadata.set('exception', 'maximum-append-size-exceeded');
      metadata.set('maximum-append-size', String(MAX_APPEND_SIZE));
      return callback({ code: grpc.status.INVALID_ARGUMENT, details: `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`, metadata } as grpc.ServiceError);
    }
    const at = expected;
    underFaults(faults, () => log.append(stream, at, proposed), (outcome) => callback(null, appendResponse(outcome)), (e) => callback(e));
  });
}

function appendResponse(outcome: AppendOutcome): AppendResp {
  const resp = new streamsPb.AppendResp();
  if (outcome.ok) {
    const success = new streamsPb.AppendResp.Success();
    if (outcome.currentRevision < 0n) success.setNoStream(new sharedPb.Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    const position = new streamsPb.AppendResp.Position();
    position.setCommitPosition(outcome.position.toString());
    position.setPreparePosition(outcome.position.toString());
    success.setPosition(position);
    resp.setSuccess(success);
    return resp;
  }
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString());
  const e = outcome.expected;
  if (e.kind === 'revision') wrong.setExpectedRevision(e.revision.toString());
  else if (e.kind === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
  else if (e.kind === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
  else wrong.setExpectedAny(new sharedPb.Empty());
  resp.setWrongExpectedVersion(wrong);
  return resp;
}

interface PendingBatch {
  stream: string;
  expected: Expected;
  proposed: ProposedEvent[];
}

export function handleBatchAppend(log: EmulatedLog, call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>, faults?: EmulatorFaults): void {
  // One long-lived call carries many appends, told apart by correlation id; a request may span
  // several messages until is_final.
  const pending = new Map<string, PendingBatch>();
  call.on('data', (req: BatchAppendReq) => {
    const correlation = req.getCorrelationId();
    const key = uuidString(correlation) ?? '';
    const options = req.getOptions();
    let batch = pending.get(key);
    if (!batch && options) {
      const expected: Expected = options.hasStreamPosition()
        ? { kind: 'revision', revision: BigInt(options.getStreamPosition()) }
        : options.hasNoStream() ? { kind: 'no_stream' } : options.hasStreamExists() ? { kind: 'stream_exists' } : { kind: 'any' };
      batch = { stream: streamName(options.getStreamIdentifier()), expected, proposed: [] };
      pending.set(key, batch);
    }
    if (!batch) return call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'first batch message must carry options' });
    try {
      for (const m of req.getProposedMessagesList()) batch.proposed.push(toProposed(m));
    } catch (e) {
      return call.emit('error', e);
    }
    if (!req.getIsFinal()) return;
    pending.delete(key);
    const answer = (resp: BatchAppendResp) => {
      resp.setCorrelationId(correlation);
      resp.setStreamIdentifier(options?.getStreamIdentifier() ?? new sharedPb.StreamIdentifier());
      call.write(resp);
    };
    if (appendSize(batch.proposed) > MAX_APPEND_SIZE) return answer(tooLarge());
    const { stream, expected, proposed } = batch;
    underFaults(faults, () => log.append(stream, expected, proposed), (outcome) => answer(batchResponse(outcome)), (e) => call.emit('error', e));
  });
  call.on('end', () => call.end());
}

function tooLarge(): BatchAppendResp {
  const exceeded = new sharedPb.MaximumAppendSizeExceeded();
  exceeded.setMaxappendsize(MAX_APPEND_SIZE);
  const details = new googleAnyPb.Any();
  details.pack(exceeded.serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
  const status = new statusPb.Status();
  status.setCode(GRPC_CODE_INVALID_ARGUMENT);
  status.setMessage('MaximumAppendSizeExceeded');
  status.setDetails(details);
  const resp = new streamsPb.BatchAppendResp();
  resp.setError(status);
  return resp;
}

function batchResponse(outcome: AppendOutcome): BatchAppendResp {
  const resp = new streamsPb.BatchAppendResp();
  const empty = () => new googleEmptyPb.Empty();
  if (outcome.ok) {
    const success = new streamsPb.BatchAppendResp.Success();
    if (outcome.currentRevision < 0n) success.setNoStream(empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    const position = new sharedPb.AllStreamPosition();
    position.setCommitPosition(outcome.position.toString());
    position.setPreparePosition(outcome.position.toString());
    success.setPosition(position);
    resp.setSuccess(success);
    return resp;
  }
  const wrong = new sharedPb.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentStreamRevision(outcome.currentRevision.toString());
  const e = outcome.expected;
  if (e.kind === 'revision') wrong.setExpectedStreamPosition(e.revision.toString());
  else if (e.kind === 'no_stream') wrong.setExpectedNoStream(empty());
  else if (e.kind === 'stream_exists') wrong.setExpectedStreamExists(empty());
  else wrong.setExpectedAny(empty());
  const details = new googleAnyPb.Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const status = new statusPb.Status();
  status.setCode(GRPC_CODE_FAILED_PRECONDITION);
  status.setMessage('WrongExpectedVersion');
  status.setDetails(details);
  resp.setError(status);
  return resp;
}

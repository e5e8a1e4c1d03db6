// The generated protobuf modules shipped inside @eventstore/db-client. They are CommonJS; default
// imports give module.exports, resolved to the very files the client requires, so message classes
// pass the serialisers' `instanceof` checks (a second copy would not).
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import googleEmptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import googleAnyPb from 'google-protobuf/google/protobuf/any_pb.js';
import type { StoredEvent } from './emulated-log.js';

export { streamsPb, streamsGrpc, sharedPb, statusPb, serverFeaturesPb, serverFeaturesGrpc, googleEmptyPb, googleAnyPb };

export type StreamIdentifier = InstanceType<typeof sharedPb.StreamIdentifier>;

export function streamName(identifier: StreamIdentifier | undefined): string {
  return identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
}

export function streamIdentifier(name: string): StreamIdentifier {
  const id = new sharedPb.StreamIdentifier();
  id.setStreamName(Buffer.from(name, 'utf8'));
  return id;
}

/** The client asks for string UUIDs (uuid_option=string); structured ones are answered the same way. */
export function uuidMessage(value: string): InstanceType<typeof sharedPb.UUID> {
  const id = new sharedPb.UUID();
  id.setString(value);
  return id;
}

export function uuidString(id: InstanceType<typeof sharedPb.UUID> | undefined): string | undefined {
  if (!id) return undefined;
  if (id.hasString()) return id.getString();
  const s = id.getStructured();
  if (!s) return undefined;
  // Structured UUIDs are two signed 64-bit halves (decimal strings on this client).
  const hex = (v: string) => BigInt.asUintN(64, BigInt(v)).toString(16).padStart(16, '0');
  const h = hex(s.getMostSignificantBits()) + hex(s.getLeastSignificantBits());
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function readEventResponse(event: StoredEvent): InstanceType<typeof streamsPb.ReadResp> {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(uuidMessage(event.id));
  recorded.setStreamIdentifier(streamIdentifier(event.streamId));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  const meta = recorded.getMetadataMap();
  meta.set('type', event.type);
  meta.set('content-type', event.contentType);
  meta.set('created', event.createdTicks.toString());
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);
  const readEvent = new streamsPb.ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(event.position.toString());
  const resp = new streamsPb.ReadResp();
  resp.setEvent(readEvent);
  return resp;
}

export function checkpointResponse(position: bigint): InstanceType<typeof streamsPb.ReadResp> {
  const checkpoint = new streamsPb.ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.toString());
  checkpoint.setPreparePosition(position.toString());
  const resp = new streamsPb.ReadResp();
  resp.setCheckpoint(checkpoint);
  return resp;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

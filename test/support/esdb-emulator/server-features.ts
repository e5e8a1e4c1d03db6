// ServerFeatures.GetSupportedMethods as a real server answers it. The client asks once per channel
// and picks BatchAppend for appends only when it is listed, so the emulator can steer either path.
import type * as grpc from '@grpc/grpc-js';
import { serverFeaturesPb } from './emulator-proto.js';

type Empty = unknown;
type SupportedMethods = InstanceType<typeof serverFeaturesPb.SupportedMethods>;

export const EMULATED_SERVER_VERSION = '23.10.0-emulator';

export function serverFeaturesService(opts: { batchAppend: boolean }) {
  const method = (service: string, name: string, features: string[] = []) => {
    const m = new serverFeaturesPb.SupportedMethod();
    m.setServiceName(service);
    m.setMethodName(name);
    m.setFeaturesList(features);
    return m;
  };
  return {
    getSupportedMethods(_call: grpc.ServerUnaryCall<Empty, SupportedMethods>, callback: grpc.sendUnaryData<SupportedMethods>) {
      const streams = 'event_store.client.streams.streams';
      const methods = [
        method(streams, 'read', ['position', 'events']),
        method(streams, 'append'),
        ...(opts.batchAppend ? [method(streams, 'batchappend')] : []),
        method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
      ];
      const resp = new serverFeaturesPb.SupportedMethods();
      resp.setMethodsList(methods);
      resp.setEventStoreServerVersion(EMULATED_SERVER_VERSION);
      callback(null, resp);
    },
  };
}

// An in-process emulator of the EventStoreDB gRPC protocol, for tests only: no EventStoreDB server or
// Docker runs on the development machines, so this is how the real @eventstore/db-client is driven.
// It is not a server: one in-memory log, no persistence, no cluster, no auth, and only the RPCs the
// EsdbEventStore adapter uses (see the handler files for where it departs from a real server).
import * as grpc from '@grpc/grpc-js';
import { EmulatedLog } from './emulated-log.js';
import { handleAppend, handleBatchAppend } from './append-handler.js';
import { noFaults } from './emulator-faults.js';
import { handleRead } from './read-handler.js';
import { serverFeaturesService } from './server-features.js';
import { serverFeaturesGrpc, streamsGrpc } from './emulator-proto.js';

export interface EsdbEmulatorOptions {
  /** Advertise and serve BatchAppend, as a real server does (default true); false keeps the client on Append. */
  batchAppend?: boolean;
  /** Seed '$' system events into $all like a fresh server has (default true). */
  systemEvents?: boolean;
}

export interface EsdbEmulator {
  connectionString: string;
  /** For assertions that need to look under the protocol. */
  log: EmulatedLog;
  /** Refuses the next `count` appends as a follower does after a leader election (nothing written). */
  refuseAppendsAsFollower(count: number): void;
  /** Appends refused that way so far. */
  appendsRefused(): number;
  /** Answers the next `count` appends UNAVAILABLE (a node not ready or too busy), nothing written. */
  answerAppendsUnavailable(count: number): void;
  /**
   * Drops every connection now, as a node that dies or a network cut does: calls in flight fail, live
   * subscriptions end. The port stays open, so the client's next call dials again and gets through.
   */
  dropConnections(): void;
  /**
   * The next `count` appends drop every connection instead of answering (mid-append): with
   * `afterWrite` the events are written first and only the acknowledgement is lost, else nothing is.
   */
  dropConnectionsOnAppend(count: number, options: { afterWrite: boolean }): void;
  /** Connections dropped so far (by either call), and appends answered UNAVAILABLE. */
  faultCounts(): { refused: number; unavailable: number; dropped: number };
  stop(): Promise<void>;
}

const unimplemented = (_call: unknown, callback?: grpc.sendUnaryData<never>) => {
  const error = { code: grpc.status.UNIMPLEMENTED, details: 'not emulated' } as grpc.ServiceError;
  if (typeof callback === 'function') callback(error);
};

export async function startEsdbEmulator(options: EsdbEmulatorOptions = {}): Promise<EsdbEmulator> {
  const log = new EmulatedLog();
  if (options.systemEvents ?? true) log.seedSystemEvents();
  const faults = noFaults();
  const server = new grpc.Server();
  server.addService(streamsGrpc.StreamsService, {
    read: (call: Parameters<typeof handleRead>[1]) => handleRead(log, call),
    append: (call: Parameters<typeof handleAppend>[1], cb: Parameters<typeof handleAppend>[2]) => handleAppend(log, call, cb, faults),
    batchAppend: (call: Parameters<typeof handleBatchAppend>[1]) => handleBatchAppend(log, call, faults),
    delete: unimplemented,
    tombstone: unimplemented,
  });
  server.addService(serverFeaturesGrpc.ServerFeaturesService, serverFeaturesService({ batchAppend: options.batchAppend ?? true }));

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  faults.leader.port = port;
  // grpc-js's drain: GOAWAY to every session on the port, then (no grace) destroy them with CANCEL.
  faults.dropConnections = () => server.drain(`127.0.0.1:${port}`, 0);
  return {
    refuseAppendsAsFollower: (count) => {
      faults.notLeader = count;
    },
    appendsRefused: () => faults.counts.refused,
    answerAppendsUnavailable: (count) => {
      faults.unavailable = count;
    },
    dropConnections: () => {
      faults.counts.dropped++;
      faults.dropConnections();
    },
    dropConnectionsOnAppend: (count, { afterWrite }) => {
      faults.drops = { count, afterWrite };
    },
    faultCounts: () => ({ ...faults.counts }),
    // One host and tls=false: the client opens one insecure channel straight to it, no gossip.
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        // Live subscriptions never end on their own; give graceful shutdown a moment, then force.
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 500);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

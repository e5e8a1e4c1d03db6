// Faults a spec switches on in the emulator: what a client meets when the cluster under it changes.
// Each is counted, so a spec can prove the fault really happened (a real server's cannot be caused).
import * as grpc from '@grpc/grpc-js';

export interface EmulatorFaults {
  /** The next `notLeader` appends are refused as by a follower after an election. */
  notLeader: number;
  /** The next `unavailable` appends are answered UNAVAILABLE, nothing written. */
  unavailable: number;
  /** The next `drops.count` appends end in a dropped connection; `afterWrite`: written first, the ack lost. */
  drops: { count: number; afterWrite: boolean };
  /** The endpoint a not-leader refusal names as the new leader (the emulator itself: the same log, reached again). */
  leader: { host: string; port: number };
  counts: { refused: number; unavailable: number; dropped: number };
  /** Destroys every open HTTP/2 session (set by the emulator once it listens). */
  dropConnections: () => void;
}

export function noFaults(): EmulatorFaults {
  return {
    notLeader: 0, unavailable: 0, drops: { count: 0, afterWrite: false },
    leader: { host: '127.0.0.1', port: 0 }, counts: { refused: 0, unavailable: 0, dropped: 0 }, dropConnections: () => undefined,
  };
}

/**
 * A follower's answer to a write (RpcExceptions.LeaderInfo, EventStore/EventStore v24.10.0): NOT_FOUND
 * with trailers exception=not-leader, leader-endpoint-host, leader-endpoint-port; on BatchAppend the
 * server throws the same exception, ending the whole call (Streams.BatchAppend.cs ConvertMessage).
 * Nothing is written. The client then reconnects to the named leader (Client.shouldReconnect).
 */
function notLeader(faults: EmulatorFaults): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'not-leader');
  metadata.set('leader-endpoint-host', faults.leader.host);
  metadata.set('leader-endpoint-port', String(faults.leader.port));
  return { code: grpc.status.NOT_FOUND, details: 'Leader info available', metadata } as grpc.ServiceError;
}

/**
 * What a node that is starting, shutting down or overloaded answers (RpcExceptions.ServerNotReady /
 * ServerBusy in src/EventStore.Core/Services/Transport/Grpc/RpcExceptions.cs, EventStore/EventStore
 * 25.0): UNAVAILABLE, nothing written. The client drops its channel and dials again on the next call
 * (Client.shouldReconnect treats UnavailableError like NotLeaderError, without a new endpoint).
 */
function unavailable(): grpc.ServiceError {
  return { code: grpc.status.UNAVAILABLE, details: 'Server Is Not Ready', metadata: new grpc.Metadata() } as grpc.ServiceError;
}

/**
 * Runs an append under the faults due: answers the refusal (nothing written), or writes (or not) and
 * then drops every connection without answering, or just writes and answers. A dropped connection is
 * what a leader that dies or a network cut looks like from the client: GOAWAY, then the sessions are
 * destroyed with CANCEL (grpc-js Server.drain with no grace), so the call in flight, other calls and
 * live subscriptions on those sessions all fail with UNAVAILABLE. Whether the write happened is what
 * the client cannot know; a retry with the same event ids is idempotent on the server (emulated-log.ts).
 */
export function underFaults<T>(faults: EmulatorFaults | undefined, write: () => T, answer: (written: T) => void, refuse: (e: grpc.ServiceError) => void): void {
  if (faults && faults.notLeader > 0) {
    faults.notLeader--;
    faults.counts.refused++;
    return refuse(notLeader(faults));
  }
  if (faults && faults.unavailable > 0) {
    faults.unavailable--;
    faults.counts.unavailable++;
    return refuse(unavailable());
  }
  if (faults && faults.drops.count > 0) {
    faults.drops.count--;
    faults.counts.dropped++;
    if (faults.drops.afterWrite) write();
    return faults.dropConnections();
  }
  answer(write());
}

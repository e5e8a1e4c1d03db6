import type { ProjectionStatus } from '@liaison/projections';
import type { WriteFault } from '@liaison/event-store';
import type { DiskSpace } from '../operations/disk-reserve.js';

/** A write fault this recent still says "the store cannot take writes" (an append that succeeds clears it at once). */
export const WRITE_FAULT_WINDOW_MS = 10_000;
/** Read models behind the log that have not caught up for this long are "lagging". */
export const LAG_THRESHOLD_MS = 30_000;

export interface ReadinessReason {
  code:
    | 'STORE_UNREACHABLE' | 'STORE_FULL' | 'STORE_UNAVAILABLE' | 'STORE_CORRUPT' | 'DISK_RESERVE_REACHED'
    | 'PROJECTION_FAILED' | 'PROJECTION_STALLED' | 'PROJECTION_WORKER_STOPPED' | 'READ_MODEL_REBUILDING' | 'READ_MODEL_LAGGING';
  message: string;
}

export interface ReadinessInput {
  now: number;
  /** undefined when ping() answered; else the fault code or 'unreachable'. */
  pingFailure: string | undefined;
  writeFault: WriteFault | undefined;
  disk: DiskSpace;
  projections: ProjectionStatus[];
  workersStopped: string[];
  head: bigint;
  position: bigint;
  caughtUpAt: number | undefined;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  reasons: ReadinessReason[];
  details: {
    eventStore: { status: 'up' | 'down'; lastWriteFault?: { kind: string; code: string; secondsAgo: number } };
    disk: { status: 'up' | 'down'; freeBytes: number | null; reserveBytes: number };
    projections: {
      status: 'up' | 'down'; position: string; head: string; lag: string; stalled: Record<string, string>; failed: string[];
      /** Read models whose projection thread died and is being restarted; being rebuilt from the log. */
      restarting: string[]; rebuilding: string[];
    };
  };
}

const FAULT_CODE = { full: 'STORE_FULL', unavailable: 'STORE_UNAVAILABLE', corrupt: 'STORE_CORRUPT' } as const;

/**
 * What /ready answers, from facts gathered without writing anything: the same shape whether ready or
 * not, so a monitor reads `reasons` rather than guessing from a status code. Pure, so every reason
 * has a spec.
 */
export function readinessReport(i: ReadinessInput): ReadinessReport {
  const reasons: ReadinessReason[] = [];
  if (i.pingFailure) reasons.push({ code: 'STORE_UNREACHABLE', message: `the event store does not answer (${i.pingFailure})` });
  const recentFault = i.writeFault && i.now - i.writeFault.at < WRITE_FAULT_WINDOW_MS ? i.writeFault : undefined;
  if (recentFault) {
    reasons.push({ code: FAULT_CODE[recentFault.fault.kind], message: `the last write failed: ${recentFault.fault.message} (${recentFault.fault.code})` });
  }
  if (i.disk.reached) {
    reasons.push({ code: 'DISK_RESERVE_REACHED', message: `free space under the data directory (${i.disk.freeBytes} bytes) is at or below the reserve (${i.disk.reserveBytes} bytes); commands are refused` });
  }
  const failed = i.projections.filter((p) => p.error).map((p) => p.name);
  if (failed.length) reasons.push({ code: 'PROJECTION_FAILED', message: `read models stopped on an error: ${failed.join(', ')}` });
  const stalled = Object.fromEntries(i.projections.filter((p) => p.stalled).map((p) => [p.name, p.stalled as string]));
  if (Object.keys(stalled).length) {
    reasons.push({ code: 'PROJECTION_STALLED', message: `read models waiting for storage, retrying: ${Object.entries(stalled).map(([n, c]) => `${n} (${c})`).join(', ')}` });
  }
  const recovering = i.projections.filter((p) => p.recovering).map((p) => p.name);
  if (recovering.length) reasons.push({ code: 'READ_MODEL_REBUILDING', message: `read models lost to deletion or corruption, being rebuilt from the log: ${recovering.join(', ')}` });
  if (i.workersStopped.length) reasons.push({ code: 'PROJECTION_WORKER_STOPPED', message: `projection threads stopped, restarting: ${i.workersStopped.join(', ')}` });
  const lagging = i.head > i.position && (i.caughtUpAt === undefined || i.now - i.caughtUpAt > LAG_THRESHOLD_MS);
  if (lagging) reasons.push({ code: 'READ_MODEL_LAGGING', message: `read models are at ${i.position}, the log at ${i.head}, and have not caught up for over ${LAG_THRESHOLD_MS / 1000} s` });

  const storeDown = Boolean(i.pingFailure || recentFault);
  const projectionsDown = failed.length > 0 || Object.keys(stalled).length > 0 || recovering.length > 0 || i.workersStopped.length > 0 || lagging;
  return {
    status: reasons.length ? 'unavailable' : 'ok',
    reasons,
    details: {
      eventStore: {
        status: storeDown ? 'down' : 'up',
        ...(recentFault ? { lastWriteFault: { kind: recentFault.fault.kind, code: recentFault.fault.code, secondsAgo: Math.round((i.now - recentFault.at) / 1000) } } : {}),
      },
      disk: { status: i.disk.reached ? 'down' : 'up', freeBytes: i.disk.freeBytes ?? null, reserveBytes: i.disk.reserveBytes },
      projections: {
        status: projectionsDown ? 'down' : 'up',
        position: i.position.toString(),
        head: i.head.toString(),
        lag: (i.head > i.position ? i.head - i.position : 0n).toString(),
        stalled,
        failed,
        restarting: i.workersStopped,
        rebuilding: recovering,
      },
    },
  };
}

import { HttpException, HttpStatus } from '@nestjs/common';
import type { StorageFault } from '@liaison/event-store';

/**
 * The codes a 503 carries. A client (or a load balancer) can tell "retry in a moment" from "an
 * operator must free space" without parsing messages; every one comes with Retry-After.
 */
export type UnavailableCode =
  | 'STORE_FULL'
  | 'STORE_UNAVAILABLE'
  | 'STORE_CORRUPT'
  | 'ACCESS_LOG_UNAVAILABLE'
  | 'READ_MODEL_BEHIND'
  | 'READ_MODEL_REBUILDING';

/** A 503 the problem filter sends as { statusCode, error, message, code } with a Retry-After header. */
export function unavailable(code: UnavailableCode, message: string, retryAfterSeconds: number): HttpException {
  return new HttpException({ message, code, headers: { 'retry-after': String(retryAfterSeconds) } }, HttpStatus.SERVICE_UNAVAILABLE);
}

// A full disk needs someone to free space (retry in tens of seconds); an I/O hiccup or an unreachable
// server may pass in seconds; a corrupt file will not pass by itself, so clients should back off.
const RETRY_AFTER_S = { full: 30, unavailable: 5, corrupt: 60 } as const;

/** The 503 for a storage fault under the event store (a command's append, or a read of the log). */
export function storeUnavailable(fault: StorageFault): HttpException {
  switch (fault.kind) {
    case 'full':
      return unavailable('STORE_FULL', 'The event store has no space left; nothing was recorded. Retry later.', RETRY_AFTER_S.full);
    case 'corrupt':
      return unavailable('STORE_CORRUPT', 'The event store reported a damaged file. Retry later; an operator has to look.', RETRY_AFTER_S.corrupt);
    default:
      // Not "nothing was recorded": after a failed fsync a commit can still surface at the next restart.
      return unavailable('STORE_UNAVAILABLE', 'The event store cannot take this request now. Retry later.', RETRY_AFTER_S.unavailable);
  }
}

export function retryAfterFor(fault: StorageFault): number {
  return RETRY_AFTER_S[fault.kind];
}

import { HttpException } from '@nestjs/common';
import { InvalidCursor } from '@liaison/projections';
import { NotReproducible } from '../../audit/access-view/reproduce-access.js';
import type { WorkerError } from './query-worker.protocol.js';

/** An error raised on the query thread, as a message that keeps what the gateway decides on. */
export function toWorkerError(e: unknown): WorkerError {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof HttpException) return { kind: 'http', status: e.getStatus(), response: e.getResponse(), message };
  if (e instanceof InvalidCursor) return { kind: 'InvalidCursor', message };
  if (e instanceof RangeError) return { kind: 'RangeError', message };
  if (e instanceof NotReproducible) return { kind: 'NotReproducible', message };
  return { kind: 'Error', message };
}

/** The same error again on the request thread. */
export function fromWorkerError(e: WorkerError): Error {
  switch (e.kind) {
    case 'http':
      return new HttpException(e.response, e.status);
    case 'InvalidCursor':
      return new InvalidCursor(e.message);
    case 'RangeError':
      return new RangeError(e.message);
    case 'NotReproducible':
      return new NotReproducible(e.message);
    case 'Error':
      return new Error(e.message);
    default: {
      const never: never = e;
      return new Error(`unknown worker error ${JSON.stringify(never)}`);
    }
  }
}

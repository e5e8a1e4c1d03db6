import { HttpException } from '@nestjs/common';
import { storageFault } from '@liaison/event-store';
import { InvalidCursor, InvalidQueryParameter } from '@liaison/projections';
import { NotReproducible } from './not-reproducible.error.js';
import type { WorkerError } from './query-worker.protocol.js';

/** An error from the query or audit thread, as the error the gateway and controllers expect here. */
export function fromWorkerError(e: WorkerError): Error {
  switch (e.kind) {
    case 'http':
      return new HttpException(e.response, e.status);
    case 'InvalidCursor':
      return new InvalidCursor(e.message);
    case 'RangeError':
      return e.field ? new InvalidQueryParameter(e.field, e.message) : new RangeError(e.message);
    case 'NotReproducible':
      return new NotReproducible(e.message);
    case 'storage':
      return storageFault(e.fault, e.code, e.message);
    case 'Error':
      return new Error(e.message);
    default: {
      const never: never = e;
      return new Error(`unknown worker error ${JSON.stringify(never)}`);
    }
  }
}

import { ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { ProblemDto } from '../commands/http/problem.dto.js';

/**
 * The 503 every read can answer, on the controller class so each of its operations documents it:
 * every answer is recorded in the access log before it is returned, and read-your-writes may wait in vain.
 */
export function ApiReadUnavailable(): ClassDecorator {
  return ApiServiceUnavailableResponse({
    description: 'Retry after the `Retry-After` header. `code` ACCESS_LOG_UNAVAILABLE: the access record of this read could not be written (e.g. a full disk), so the answer is withheld; READ_MODEL_BEHIND: read models did not reach `minPosition` in time; STORE_UNAVAILABLE / STORE_FULL: the store could not serve the read.',
    type: ProblemDto,
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', example: 5 } } },
  });
}

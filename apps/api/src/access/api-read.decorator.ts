import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse, ApiUnprocessableEntityResponse, type ApiResponseOptions,
} from '@nestjs/swagger';
import { ProblemDto, RETRY_AFTER_HEADER } from '../commands/http/problem.dto.js';

export interface ReadDoc {
  summary: string;
  description?: string;
  /** Routes that name one thing (detail, progress) answer 404 when it is missing or not the viewer's. */
  notFound?: string;
  /** Routes that can refuse a well-formed read on a rule (422 with a `code`). */
  unprocessable?: string;
  /** The 200 answer when it is not the `{ readAt, data }` envelope, or has more media types than JSON. */
  ok?: ApiResponseOptions;
}

/** The answer of every read through the read-model gateway: where the read models were, and the data. */
export const READ_ENVELOPE = {
  type: 'object',
  required: ['readAt', 'data'],
  properties: {
    readAt: { type: 'string', pattern: '^-?\\d+$', example: '1287', description: 'The global log position the answer was read at (recorded in the access log); -1 before the first event.' },
    data: { description: 'The answer itself (see the summary).' },
  },
} as const;

/** The 503 every read can answer: all of them record the access before answering and may wait for minPosition. */
export const READ_UNAVAILABLE: ApiResponseOptions = {
  description: 'Retry after the `Retry-After` header. `code` ACCESS_LOG_UNAVAILABLE: the access record of this read could not be written (e.g. a full disk), so the answer is withheld; READ_MODEL_BEHIND: read models did not reach `minPosition` / `X-Min-Position` in time; READ_MODEL_REBUILDING: the read model is being built again from the log; STORE_UNAVAILABLE / STORE_FULL: the store could not serve the read; SHUTTING_DOWN: the node is stopping (with `Connection: close`).',
  type: ProblemDto,
  headers: RETRY_AFTER_HEADER,
};

/**
 * The full contract of one read route, in one place so read routes promise what they do: the bearer
 * token, the `{ readAt, data }` answer, field errors and a missing purpose (400), the token (401),
 * scope (403), optionally 404 and 422, and 503 with Retry-After (access log, read-your-writes, store,
 * shutdown). The contract spec (apps/api/src/openapi/openapi-contract.int.spec.ts) checks every GET has them.
 */
export function ApiRead(doc: ReadDoc): MethodDecorator {
  const decorators = [
    ApiBearerAuth(),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiOkResponse(doc.ok ?? {
      description: 'The answer as `{ readAt, data }`: readAt is the log position the read models had applied (recorded in the access log).',
      schema: READ_ENVELOPE as never,
    }),
    ApiBadRequestResponse({ description: 'Invalid query parameter, path parameter or header (`errors` lists each field), or a personal-data read without a purpose (PURPOSE_REQUIRED).', type: ProblemDto }),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.', type: ProblemDto }),
    ApiForbiddenResponse({ description: 'The token lacks the scope this read needs.', type: ProblemDto }),
    ApiServiceUnavailableResponse(READ_UNAVAILABLE),
  ];
  if (doc.notFound) decorators.push(ApiNotFoundResponse({ description: doc.notFound, type: ProblemDto }));
  if (doc.unprocessable) decorators.push(ApiUnprocessableEntityResponse({ description: doc.unprocessable, type: ProblemDto }));
  return applyDecorators(...decorators);
}

import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../commands/http/problem.dto.js';

export interface ReadDoc {
  summary: string;
  description?: string;
  /** Routes that name one thing (detail, progress) answer 404 when it is missing or not the viewer's. */
  notFound?: string;
}

/**
 * The statuses every read can answer besides 200, documented in one place so read routes promise
 * what they do: field errors and a missing purpose (400), the token (401), scope (403), and read
 * models that did not reach `minPosition` in time (503 with Retry-After).
 */
export function ApiRead(doc: ReadDoc): MethodDecorator {
  const decorators = [
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiOkResponse({ description: 'The answer as `{ readAt, data }`: readAt is the log position the read models had applied (recorded in the access log).' }),
    ApiBadRequestResponse({ description: 'Invalid query parameter or header, or a personal-data read without a purpose (PURPOSE_REQUIRED).', type: ProblemDto }),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.', type: ProblemDto }),
    ApiForbiddenResponse({ description: 'The token lacks the scope this read needs.', type: ProblemDto }),
    ApiServiceUnavailableResponse({ description: 'Read models did not reach minPosition in time (READ_MODEL_BEHIND); retry after Retry-After seconds.', type: ProblemDto }),
  ];
  if (doc.notFound) decorators.push(ApiNotFoundResponse({ description: doc.notFound, type: ProblemDto }));
  return applyDecorators(...decorators);
}

import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader,
  ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiPreconditionFailedResponse,
  ApiServiceUnavailableResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse, ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { RequireScopes } from '../../auth/index.js';
import type { Scope } from '../../auth/index.js';
import { ProblemDto, RETRY_AFTER_HEADER } from './problem.dto.js';

export interface CommandDoc {
  /** What the command acts on, in prose ('case', 'referral'). */
  aggregate: string;
  summary: string;
  description?: string;
  /** 201 for routes that create something, else 200. */
  created?: boolean;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  result: Function;
  scope: Scope;
  /** Creating routes have nothing to miss. */
  notFound?: boolean;
  /** Body media types other than JSON (bulk imports). */
  mediaTypes?: string;
}

const ETAG = { ETag: { description: 'The new stream revision, quoted; usable as If-Match.', schema: { type: 'string', example: '"4"' } } };

/**
 * Scope, status code and the full OpenAPI contract of one command route, for every aggregate, kept
 * in one place so the routes cannot drift apart in what they promise.
 */
export function ApiCommand(doc: CommandDoc): MethodDecorator {
  const success = { type: doc.result as never, headers: ETAG };
  const decorators = [
    RequireScopes(doc.scope),
    HttpCode(doc.created ? HttpStatus.CREATED : HttpStatus.OK),
    ApiBearerAuth(),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiHeader({ name: 'If-Match', required: false, description: `Expected ${doc.aggregate} revision (e.g. "3"); 412 if the ${doc.aggregate} has moved on.` }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry key (1-128 of A-Z a-z 0-9 . _ : -); the first answer is replayed.' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Ties the recorded events to a wider conversation.' }),
    doc.created
      ? ApiCreatedResponse({ description: 'Recorded.', ...success })
      : ApiOkResponse({ description: 'Recorded.', ...success }),
    ApiBadRequestResponse({ description: 'Malformed body, path parameter or header; `errors` lists each field.', type: ProblemDto }),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.', type: ProblemDto }),
    ApiForbiddenResponse({ description: `Token lacks the scope, or the officer’s country may not do this on this ${doc.aggregate}.`, type: ProblemDto }),
    ApiConflictResponse({ description: `The ${doc.aggregate} kept changing concurrently, or a request with this Idempotency-Key is still running on another replica (IDEMPOTENCY_KEY_IN_USE); retry.`, type: ProblemDto }),
    ApiPreconditionFailedResponse({ description: 'If-Match names a stale revision (code REVISION_MISMATCH).', type: ProblemDto }),
    ApiPayloadTooLargeResponse({ description: 'Body larger than the limit (BODY_LIMIT_BYTES; BULK_BODY_LIMIT_BYTES for imports).', type: ProblemDto }),
    ApiUnsupportedMediaTypeResponse({ description: `Body is not ${doc.mediaTypes ?? 'application/json'}.`, type: ProblemDto }),
    ApiUnprocessableEntityResponse({ description: 'A business rule refused the command; see `code`.', type: ProblemDto }),
    ApiServiceUnavailableResponse({
      description: 'Retry after the `Retry-After` header. `code` STORE_FULL: no space left, or free space under the data directory is at its reserve (DISK_RESERVE_MB; nothing was recorded); STORE_UNAVAILABLE: the store cannot take writes now (I/O error, read-only, locked, server unreachable); STORE_CORRUPT: a damaged store file; SHUTTING_DOWN: the node is stopping and did not read this request (nothing was recorded; sent with `Connection: close`).',
      type: ProblemDto,
      headers: RETRY_AFTER_HEADER,
    }),
  ];
  if (doc.notFound !== false) decorators.push(ApiNotFoundResponse({ description: `No such ${doc.aggregate}.`, type: ProblemDto }));
  return applyDecorators(...decorators);
}

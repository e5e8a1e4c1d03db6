import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader,
  ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiPreconditionFailedResponse,
  ApiServiceUnavailableResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse, ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { RequireScopes, Scope } from '../../../auth/index.js';
import { CaseCommandResultDto } from './case-command-result.dto.js';
import { ProblemDto } from './problem.dto.js';

export const CASE_COMMANDS_TAG = 'cases (commands)';

export interface CaseCommandDoc {
  summary: string;
  description?: string;
  /** 201 for routes that create something (case, person, detention …), else 200. */
  created?: boolean;
  result?: typeof CaseCommandResultDto;
  /** Sharing is managed with its own scope; everything else needs cases:write. */
  scope?: typeof Scope.CasesWrite | typeof Scope.CasesShare;
  /** OpenCase has no case to miss. */
  notFound?: boolean;
}

const ETAG = { ETag: { description: 'The new stream revision, quoted; usable as If-Match.', schema: { type: 'string', example: '"4"' } } };

/**
 * Scope, status code and the full OpenAPI contract of one case command route, kept in one place
 * so the twenty routes cannot drift apart in what they promise.
 */
export function ApiCaseCommand(doc: CaseCommandDoc): MethodDecorator {
  const success = { type: doc.result ?? CaseCommandResultDto, headers: ETAG };
  const decorators = [
    RequireScopes(doc.scope ?? Scope.CasesWrite),
    HttpCode(doc.created ? HttpStatus.CREATED : HttpStatus.OK),
    ApiBearerAuth(),
    ApiOperation({ summary: doc.summary, description: doc.description }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected case revision (e.g. "3"); 412 if the case has moved on.' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry key (1-128 of A-Z a-z 0-9 . _ : -); the first answer is replayed.' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Ties the recorded events to a wider conversation.' }),
    doc.created
      ? ApiCreatedResponse({ description: 'Recorded.', ...success })
      : ApiOkResponse({ description: 'Recorded.', ...success }),
    ApiBadRequestResponse({ description: 'Malformed body, path parameter or header; `errors` lists each field.', type: ProblemDto }),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.', type: ProblemDto }),
    ApiForbiddenResponse({ description: 'Token lacks the scope, or the officer’s country may not do this on this case.', type: ProblemDto }),
    ApiConflictResponse({ description: 'The case kept changing concurrently; retry.', type: ProblemDto }),
    ApiPreconditionFailedResponse({ description: 'If-Match names a stale revision (code REVISION_MISMATCH).', type: ProblemDto }),
    ApiPayloadTooLargeResponse({ description: 'Body larger than BODY_LIMIT_BYTES.', type: ProblemDto }),
    ApiUnsupportedMediaTypeResponse({ description: 'Body is not application/json.', type: ProblemDto }),
    ApiUnprocessableEntityResponse({ description: 'A business rule refused the command; see `code`.', type: ProblemDto }),
    ApiServiceUnavailableResponse({
      description: 'Nothing was recorded; retry after the `Retry-After` header. `code` STORE_FULL: no space left, or free space under the data directory is at its reserve (DISK_RESERVE_MB); STORE_UNAVAILABLE: the store cannot take writes now (I/O error, read-only, locked, server unreachable); STORE_CORRUPT: a damaged store file.',
      type: ProblemDto,
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', example: 30 } } },
    }),
  ];
  if (doc.notFound !== false) decorators.push(ApiNotFoundResponse({ description: 'No such case.', type: ProblemDto }));
  return applyDecorators(...decorators);
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field's problems, as the validation pipe and the domain both report them. */
export class FieldErrorDto {
  @ApiProperty({ description: 'Dotted path of the offending field, or a header name.', example: 'evaluation.source' })
  field!: string;

  @ApiProperty({ type: [String], example: ['evaluation.source must be one of A, B, C, X'] })
  messages!: string[];
}

/** The body of every error answer (see common/problem.filter.ts); never carries a stack trace. */
export class ProblemDto {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ example: 'Person 7d0c2f1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f is not registered in the case' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Machine-readable reason: a domain rule (PERSON_NOT_REGISTERED …), NOT_OWNER, REVISION_MISMATCH, IDEMPOTENCY_KEY_REUSED …; with 503: STORE_FULL, STORE_UNAVAILABLE, STORE_CORRUPT, ACCESS_LOG_UNAVAILABLE, READ_MODEL_BEHIND, READ_MODEL_REBUILDING, SHUTTING_DOWN',
    example: 'PERSON_NOT_REGISTERED',
  })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

/** The header every 503 carries (the problem filter, the shutdown refusal, /ready). */
export const RETRY_AFTER_HEADER = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', example: 5 } } };

/** The 503 of a route that only a shutdown refuses (SHUTTING_DOWN, sent with `Connection: close`). */
export const SHUTTING_DOWN_RESPONSE = {
  description: 'The node is shutting down and did not handle this request (SHUTTING_DOWN, with `Connection: close`); retry, on another node if there is one.',
  type: ProblemDto,
  headers: RETRY_AFTER_HEADER,
};

import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { isInstant } from '../../commands/http/field-validators.js';

/** An optional ISO-8601 instant query filter (with offset), e.g. from=2025-09-01T00:00:00Z. */
export function InstantFilter(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, format: 'date-time' }),
    IsOptional(),
    ValidateBy({ name: 'isInstant', validator: { validate: isInstant, defaultMessage: () => '$property must be an ISO-8601 date-time with offset' } }),
  );
}

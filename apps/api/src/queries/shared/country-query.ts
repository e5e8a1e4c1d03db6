import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** An optional ISO 3166-1 alpha-2 query filter. */
export function CountryFilter(example = 'DK'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example, description: 'ISO 3166-1 alpha-2' }),
    IsOptional(),
    Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code such as SE' }),
  );
}

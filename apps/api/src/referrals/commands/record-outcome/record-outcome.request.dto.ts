import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateBy, ValidateIf } from 'class-validator';
import { DECLINE_REASONS, isCountryCode } from '@liaison/domain';
import { FreeText, Instant, OneOf } from '../../../commands/http/field-validators.js';

export const PLATFORM_OUTCOMES = ['removed', 'geo_blocked', 'declined'] as const;

// Required exactly when they apply: a geo-block without countries, or a decline without a reason, is a
// 400. Shared with the answer-file rows, which carry the same fields.
type WithOutcome = { outcome?: string; countries?: unknown; reason?: unknown };

export function GeoBlockCountries(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((o: WithOutcome) => o.outcome === 'geo_blocked' || o.countries !== undefined),
    IsArray({ message: '$property must be a list of country codes (required for geo_blocked)' }),
    ArrayMinSize(1, { message: '$property must name at least one country' }),
    ArrayMaxSize(250),
    ValidateBy({ name: 'countryCodes', validator: { validate: (v) => Array.isArray(v) && v.every(isCountryCode), defaultMessage: () => 'each of $property must be an uppercase ISO 3166-1 alpha-2 code' } }),
    ApiProperty({ required: false, type: [String], description: 'Required for geo_blocked: where the content is blocked.', example: ['SE', 'DK'] }),
  );
}

export function DeclineReasonField(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((o: WithOutcome) => o.outcome === 'declined' || o.reason !== undefined),
    IsIn([...DECLINE_REASONS], { message: `$property must be one of ${DECLINE_REASONS.join(', ')} (required for declined)` }),
    ApiProperty({ required: false, enum: [...DECLINE_REASONS], description: 'Required for declined: the platform\'s reason.' }),
  );
}

/** The details an outcome may carry, shared by this route and the answer-file rows. */
export class OutcomeDetailsDto {
  // A CSV cell carries the list as "SE;DK".
  @Transform(({ value }) => (typeof value === 'string' ? value.split(';').map((c) => c.trim()).filter(Boolean) : value))
  @GeoBlockCountries()
  countries?: string[];

  @DeclineReasonField()
  reason?: string;

  @FreeText(1000, { optional: true, description: 'declined only: the platform\'s own words.' })
  reasonText?: string;
}

export class RecordOutcomeRequestDto extends OutcomeDetailsDto {
  @OneOf(PLATFORM_OUTCOMES, { description: 'What the platform did.', example: 'removed' })
  outcome!: (typeof PLATFORM_OUTCOMES)[number];

  @Instant({ description: 'When the platform acted; not before the referral was sent.', example: '2025-03-05T14:00:00+01:00' })
  at!: string;
}

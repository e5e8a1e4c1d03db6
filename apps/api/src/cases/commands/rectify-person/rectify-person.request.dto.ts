import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, type ValidationArguments } from 'class-validator';
import { RECTIFIABLE_FIELDS, type RectifiableField, type RectifiedValue } from '@liaison/domain';
import { OneOf } from '../../../commands/http/field-validators.js';
import { Reason } from '../shared/reason.js';

const TEXT_MAX = 200;
const ALIASES_MAX = 10;

const isText = (v: unknown): boolean => typeof v === 'string' && /\S/.test(v) && v.length <= TEXT_MAX;

/** What `value` must be for each field (the registration's rules; the DTO may read the clock, the domain may not). */
const VALUE_RULES: Record<RectifiableField, { valid: (v: unknown) => boolean; message: string }> = {
  name: { valid: (v) => v === null || isText(v), message: `value must be non-blank text of at most ${TEXT_MAX} characters, or null to remove the name` },
  pseudonym: { valid: (v) => v === null || isText(v), message: `value must be non-blank text of at most ${TEXT_MAX} characters, or null to remove the pseudonym` },
  birthYear: {
    valid: (v) => v === null || (Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= new Date().getUTCFullYear()),
    message: 'value must be a whole year from 1900 to this year, or null to remove it',
  },
  aliases: {
    valid: (v) => Array.isArray(v) && v.length <= ALIASES_MAX && v.every(isText),
    message: `value must be a list of at most ${ALIASES_MAX} names of at most ${TEXT_MAX} characters (empty to remove them all)`,
  },
};

const ValueForField = ValidateBy({
  name: 'valueForField',
  validator: {
    validate: (value: unknown, args?: ValidationArguments) => {
      const rule = VALUE_RULES[(args?.object as { field?: RectifiableField }).field as RectifiableField];
      // An unknown field is reported on `field`; nothing to say about the value then.
      return rule === undefined || rule.valid(value);
    },
    defaultMessage: (args?: ValidationArguments) =>
      VALUE_RULES[(args?.object as { field: RectifiableField }).field]?.message ?? 'value is invalid',
  },
});

export class RectifyPersonRequestDto {
  @OneOf(RECTIFIABLE_FIELDS, { description: 'The personal field to correct.', example: 'birthYear' })
  field!: RectifiableField;

  @ValueForField
  @ApiProperty({
    description: 'The corrected value: text for name and pseudonym, a year for birthYear (null removes either), the whole new list for aliases.',
    // OpenAPI 3.0 puts `nullable` beside a `type`, so on one member only: null then matches exactly one of them.
    oneOf: [
      { type: 'string', maxLength: TEXT_MAX, nullable: true },
      { type: 'integer', minimum: 1900 },
      { type: 'array', items: { type: 'string', maxLength: TEXT_MAX }, maxItems: ALIASES_MAX },
    ],
    example: 2007,
  })
  value!: RectifiedValue;

  @Reason('Why the recorded value was wrong, and what the correction rests on.', 'Birth year checked against the Swedish population register.')
  reason!: string;
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy, isISO8601 } from 'class-validator';
import { isCountryCode } from '@liaison/domain';

// Field decorators shared by every request DTO: each pairs the class-validator rule with its
// OpenAPI description, so the documented contract is the enforced one. Limits mirror the
// domain's (libs/domain/src/shared/validate.ts and the deciders): a client gets a field-level
// 400 here before the decider would answer 422 for the same input.

type Doc = Omit<ApiPropertyOptions, 'required' | 'type' | 'enum'> & { optional?: boolean };

const optionality = (optional: boolean | undefined): PropertyDecorator[] => (optional ? [IsOptional()] : []);

/** The OpenAPI half of a field's doc: `optional` becomes `required: false` (it is no OpenAPI keyword). */
function openApi({ optional, ...doc }: Doc): Omit<Doc, 'optional'> & { required: boolean } {
  return { ...doc, required: !optional };
}

/** Non-blank text of at most `max` characters (the domain stores it trimmed). */
export function FreeText(max: number, doc: Doc): PropertyDecorator {
  return applyDecorators(
    ...optionality(doc.optional),
    IsString({ message: '$property must be a string' }),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
    ApiProperty({ ...openApi(doc), type: String, maxLength: max }),
  );
}

/** A UUID naming a case, person, detention … (the ids the API itself generates). */
export function Uuid(doc: Doc): PropertyDecorator {
  return applyDecorators(
    ...optionality(doc.optional),
    IsUUID('all', { message: '$property must be a UUID' }),
    ApiProperty({ ...openApi(doc), type: String, format: 'uuid' }),
  );
}

/** One of a domain const array, e.g. DATA_SUBJECT_CATEGORIES. */
export function OneOf(values: readonly (string | number)[], doc: Doc): PropertyDecorator {
  return applyDecorators(
    ...optionality(doc.optional),
    IsIn([...values], { message: `$property must be one of ${values.join(', ')}` }),
    ApiProperty({ ...openApi(doc), enum: [...values] }),
  );
}

/** A JSON boolean (`true`/`false`, not "true"). */
export function Flag(doc: Doc): PropertyDecorator {
  return applyDecorators(
    ...optionality(doc.optional),
    IsBoolean({ message: '$property must be true or false' }),
    ApiProperty({ ...openApi(doc), type: Boolean }),
  );
}

/** A whole number from `min` to `max` (a JSON number, not a string). */
export function WholeNumber(min: number, max: number, doc: Doc): PropertyDecorator {
  return applyDecorators(
    ...optionality(doc.optional),
    IsInt({ message: '$property must be a whole number' }),
    Min(min, { message: `$property must be at least ${min}` }),
    Max(max, { message: `$property must be at most ${max}` }),
    ApiProperty({ ...openApi(doc), type: Number, minimum: min, maximum: max }),
  );
}

export function IsCountryCode(message = '$property must be an uppercase ISO 3166-1 alpha-2 country code'): PropertyDecorator {
  return ValidateBy({ name: 'isCountryCode', validator: { validate: (value) => isCountryCode(value), defaultMessage: () => message } });
}

/** Uppercase ISO 3166-1 alpha-2, checked against the domain's list (so 'se' and 'ZZ' are 400s). */
export function Country(doc: Doc): PropertyDecorator {
  return applyDecorators(
    ...optionality(doc.optional),
    IsCountryCode(),
    ApiProperty({ ...openApi(doc), type: String, pattern: '^[A-Z]{2}$' }),
  );
}

// The domain wants a full date-time with an explicit offset: a bare date or local time is
// ambiguous across the Nordic time zones. IsISO8601 strict adds the real-calendar check.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): boolean {
  return typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true, strictSeparator: true });
}

/** ISO-8601 instant with offset, e.g. 2025-03-04T06:15:00+01:00. */
export function Instant(doc: Doc): PropertyDecorator {
  return applyDecorators(
    ...optionality(doc.optional),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: () => '$property must be an ISO-8601 date-time with offset, e.g. 2025-03-04T06:15:00+01:00',
      },
    }),
    ApiProperty({ ...openApi(doc), type: String, format: 'date-time' }),
  );
}

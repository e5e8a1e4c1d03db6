import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateBy, ValidateIf } from 'class-validator';
import {
  INFORMATION_ACCESS, MAX_AUTHORITY_LENGTH, MAX_INFORMATION_SOUGHT_LENGTH, MAX_PURPOSE_LENGTH, REQUEST_CHANNELS, URGENCY_REASONS,
} from '@liaison/domain';
import { Country, Flag, FreeText, Instant, OneOf, Uuid } from '../../../commands/http/field-validators.js';

// Art. 4(4) Directive 2023/977: an urgent request states why it is urgent; a reason on a request that
// is not urgent is a contradiction. Both are field-level 400s here (the decider refuses them too).
function UrgencyReasonField(): PropertyDecorator {
  const reasons = URGENCY_REASONS as readonly unknown[];
  return applyDecorators(
    ValidateIf((o: { urgent?: unknown; urgencyReason?: unknown }) => o.urgent === true || o.urgencyReason !== undefined),
    ValidateBy({
      name: 'urgencyReason',
      validator: {
        validate: (value, args) => (args?.object as { urgent?: unknown }).urgent === true && reasons.includes(value),
        defaultMessage: (args) => ((args?.object as { urgent?: unknown }).urgent === true
          ? `$property must be one of ${URGENCY_REASONS.join(', ')} (required when urgent, Art. 4(4))`
          : '$property is only for urgent requests'),
      },
    }),
    ApiProperty({ required: false, enum: [...URGENCY_REASONS], description: 'Required exactly when urgent: the Art. 4(4) reason (a)–(d).' }),
  );
}

export class FileInformationRequestRequestDto {
  @Country({ description: 'The country whose SPOC is asked. Its time zone (SPOC_TIME_ZONES) governs calendar-day deadlines.', example: 'DK' })
  requestedCountry!: string;

  @FreeText(MAX_AUTHORITY_LENGTH, { description: 'The requesting SPOC or competent authority.', example: 'NOA SPOC Stockholm (fictional)' })
  requestingAuthority!: string;

  @Uuid({ optional: true, description: 'A case your country owns or contributes to (422 LINKED_CASE_NOT_FOUND otherwise).' })
  caseId?: string;

  @FreeText(MAX_INFORMATION_SOUGHT_LENGTH, { description: 'The information sought.', example: 'Subscriber data for a fictional phone number' })
  informationSought!: string;

  @FreeText(MAX_PURPOSE_LENGTH, { description: 'The purpose for which it is sought (Art. 4(3)).', example: 'Identify the handler of a fictional recruitment network' })
  purpose!: string;

  @Flag({ description: 'Urgent under Art. 4(4): 8 hours (directly accessible) or 3 calendar days (indirectly accessible) instead of 7 calendar days.', example: false })
  urgent!: boolean;

  @UrgencyReasonField()
  urgencyReason?: string;

  @OneOf(INFORMATION_ACCESS, { description: 'Whether the requested SPOC can reach the information directly or only through another authority (Art. 2).', example: 'direct' })
  access!: string;

  @Matches(/^[a-z]{2}$/, { message: '$property must be an ISO 639-1 code in lowercase, e.g. en' })
  @ApiProperty({ type: String, pattern: '^[a-z]{2}$', description: 'ISO 639-1 language of the request.', example: 'en' })
  language!: string;

  @OneOf(REQUEST_CHANNELS, { optional: true, description: 'How the request was sent; SIENA by default (Art. 12).', example: 'siena' })
  channel?: string;

  @Instant({ optional: true, description: 'When the requested SPOC received it; the deadline counts from here. Defaults to now, never in the future.', example: '2025-03-04T08:00:00+01:00' })
  receivedAt?: string;
}

import { Instant } from '../../../commands/http/field-validators.js';

export class RecordExtraditionConsentRequestDto {
  @Instant({ description: 'When the person consented to surrender; not in the future.', example: '2025-03-06T11:00:00+01:00' })
  consentedAt!: string;
}

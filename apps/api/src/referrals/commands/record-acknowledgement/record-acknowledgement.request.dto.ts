import { FreeText, Instant } from '../../../commands/http/field-validators.js';

export class RecordAcknowledgementRequestDto {
  @Instant({ description: 'When the platform acknowledged receipt; not before it was sent.', example: '2025-03-04T09:15:00+01:00' })
  acknowledgedAt!: string;

  @FreeText(200, { optional: true, description: 'The platform\'s own ticket or case reference.', example: 'TT-LE-000123 (fictional)' })
  platformReference?: string;
}

import { Instant } from '../../../commands/http/field-validators.js';

export class AcknowledgeRequestRequestDto {
  @Instant({ optional: true, description: 'When the requested SPOC acknowledged it; defaults to now.', example: '2025-03-04T08:30:00+01:00' })
  acknowledgedAt?: string;
}

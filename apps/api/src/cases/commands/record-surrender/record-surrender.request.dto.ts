import { Instant } from '../../../commands/http/field-validators.js';

export class RecordSurrenderRequestDto {
  @Instant({ description: 'When the person was handed over; not in the future.', example: '2025-03-15T08:30:00+01:00' })
  surrenderedAt!: string;
}

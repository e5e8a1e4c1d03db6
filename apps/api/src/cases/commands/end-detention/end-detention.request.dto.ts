import { DETENTION_OUTCOMES, type DetentionOutcome } from '@liaison/domain';
import { Instant, OneOf } from '../../../commands/http/field-validators.js';

export class EndDetentionRequestDto {
  @OneOf(DETENTION_OUTCOMES, { description: "How the detention ended; a transfer is 'transferred' plus a new detention.", example: 'released' })
  outcome!: DetentionOutcome;

  @Instant({ description: 'When the detention ended; not in the future.', example: '2025-03-20T15:30:00+01:00' })
  endedAt!: string;
}

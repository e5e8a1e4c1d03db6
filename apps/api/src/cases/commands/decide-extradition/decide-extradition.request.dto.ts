import { EXTRADITION_OUTCOMES, type ExtraditionOutcome } from '@liaison/domain';
import { FreeText, Instant, OneOf } from '../../../commands/http/field-validators.js';

export class DecideExtraditionRequestDto {
  @OneOf(EXTRADITION_OUTCOMES, { description: "The executing state's decision.", example: 'granted' })
  outcome!: ExtraditionOutcome;

  @FreeText(2000, { description: 'Grounds of the decision.', example: 'Conditions of the Nordic arrest warrant met; no ground for refusal.' })
  grounds!: string;

  @Instant({ description: 'When the decision was taken; not in the future.', example: '2025-03-12T14:00:00+01:00' })
  decidedAt!: string;
}

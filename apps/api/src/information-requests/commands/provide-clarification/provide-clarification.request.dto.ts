import { FreeText, Instant } from '../../../commands/http/field-validators.js';

export class ProvideClarificationRequestDto {
  @FreeText(4000, { description: 'The clarification.', example: 'The number ending in 17 (fictional).' })
  answer!: string;

  @Instant({ optional: true, description: 'When the clarification was provided; defaults to now.' })
  providedAt?: string;
}

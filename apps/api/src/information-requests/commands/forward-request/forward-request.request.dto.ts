import { MAX_AUTHORITY_LENGTH } from '@liaison/domain';
import { FreeText, Instant } from '../../../commands/http/field-validators.js';

export class ForwardRequestRequestDto {
  @FreeText(MAX_AUTHORITY_LENGTH, { description: 'The competent authority it went to.', example: 'Customs intelligence unit (fictional)' })
  authority!: string;

  @Instant({ optional: true, description: 'When it was forwarded; defaults to now.' })
  forwardedAt?: string;
}

import { MAX_EXPECTED_DELAY_DAYS } from '@liaison/domain';
import { FreeText, Instant, WholeNumber } from '../../../commands/http/field-validators.js';

export class NoteJudicialAuthorisationPendingRequestDto {
  @WholeNumber(1, MAX_EXPECTED_DELAY_DAYS, { description: 'Expected length of the delay in days.', example: 5 })
  expectedDelayDays!: number;

  @FreeText(2000, { description: 'Why the authorisation is needed and takes this long.', example: 'Court order required for traffic data (fictional)' })
  reason!: string;

  @Instant({ optional: true, description: 'When the notice was sent; defaults to now.' })
  noticeSentAt?: string;
}

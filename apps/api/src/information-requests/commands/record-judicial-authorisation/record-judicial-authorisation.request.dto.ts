import { Instant } from '../../../commands/http/field-validators.js';

export class RecordJudicialAuthorisationRequestDto {
  @Instant({ optional: true, description: 'When the authorisation was obtained; defaults to now.' })
  obtainedAt?: string;
}

import { Instant } from '../../../commands/http/field-validators.js';
import { Locator } from '../../shared/referral-fields.js';

export class RecordReappearanceRequestDto {
  @Locator('Where the removed content was uploaded again.')
  locator!: string;

  @Instant({ description: 'When the re-upload was seen; not before the removal.', example: '2025-03-20T08:00:00+01:00' })
  seenAt!: string;
}

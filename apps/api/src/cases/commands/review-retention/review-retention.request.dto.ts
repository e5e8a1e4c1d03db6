import { Instant } from '../../../commands/http/field-validators.js';
import { Reason } from '../shared/reason.js';

export class ReviewRetentionRequestDto {
  @Instant({ description: 'Keep the data until this instant, when the next review falls due (after now, at most ten years ahead).', example: '2027-09-01T00:00:00+02:00' })
  keepUntil!: string;

  @Reason('Why the data is still needed.', 'Trial set for spring 2027; the person is a co-accused.')
  reason!: string;
}

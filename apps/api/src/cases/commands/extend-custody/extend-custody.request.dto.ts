import { Instant } from '../../../commands/http/field-validators.js';
import { Reason } from '../shared/reason.js';

export class ExtendCustodyRequestDto {
  @Instant({ description: 'The new next custody review; later than the current one.', example: '2025-04-01T10:00:00+02:00' })
  nextCustodyReviewAt!: string;

  @Reason('Why custody was extended.', 'Court extended custody pending the extradition decision.', true)
  reason?: string;
}

import { RESTRICTION_GROUNDS, type RestrictionGround } from '@liaison/domain';
import { OneOf } from '../../../commands/http/field-validators.js';
import { Reason } from '../shared/reason.js';

export class RestrictProcessingRequestDto {
  @OneOf(RESTRICTION_GROUNDS, {
    description: 'LED Art. 16(3): accuracy contested and not ascertainable, or kept as evidence; retention-review-overdue is set by the service when an Art. 5 review is overdue.',
    example: 'accuracy-contested',
  })
  ground!: RestrictionGround;

  @Reason('Why processing is restricted.', 'The person contests the recorded birth year; the civil registry is being asked.')
  reason!: string;
}

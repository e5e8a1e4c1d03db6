import { Reason } from '../shared/reason.js';

export class LiftRestrictionRequestDto {
  @Reason('Why the restriction no longer applies.', 'The civil registry confirmed the birth year.')
  reason!: string;
}

import { Reason } from '../shared/reason.js';

export class RetractNationalityRequestDto {
  @Reason('Why the nationality no longer holds.', 'Passport found to be forged.')
  reason!: string;
}

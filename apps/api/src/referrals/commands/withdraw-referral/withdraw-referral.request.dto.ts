import { FreeText } from '../../../commands/http/field-validators.js';

export class WithdrawReferralRequestDto {
  @FreeText(500, { description: 'Why the referral is withdrawn.', example: 'Content turned out to be a news report (fictional)' })
  reason!: string;
}

import { FreeText, Instant } from '../../../commands/http/field-validators.js';

export class SendReferralRequestDto {
  @Instant({ optional: true, description: 'When it was sent to the platform; defaults to now. The response deadline runs from here.' })
  sentAt?: string;

  @FreeText(200, { optional: true, description: 'How it was sent (platform portal, e-mail, IRMa …).', example: 'TikTok law-enforcement portal' })
  channel?: string;
}

import { OmitType } from '@nestjs/swagger';
import { REFERRAL_PLATFORMS } from '@liaison/domain';
import { FreeText, Instant, OneOf } from '../../../commands/http/field-validators.js';
import { ReferContentRequestDto } from '../../../referrals/commands/refer-content/refer-content.request.dto.js';

/**
 * One row of an action day's list: the fields of a single referral (same rules, same messages), the
 * day's platform unless the row names another, and optionally when it was sent to the platform.
 * CSV header: locator,contentKind,basis,unit[,platform,platformName,caseId,handlerId,evidenceSha256,referredAt,sentAt,channel]
 */
export class ActionDayListRowDto extends OmitType(ReferContentRequestDto, ['actionDayId', 'platform'] as const) {
  @OneOf(REFERRAL_PLATFORMS, { optional: true, description: 'Defaults to the action day\'s platform.' })
  platform?: string;

  @Instant({ optional: true, description: 'When the item was flagged to the platform; starts its response clock.' })
  sentAt?: string;

  @FreeText(200, { optional: true, description: 'How it was sent.' })
  channel?: string;
}

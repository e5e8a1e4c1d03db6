import { CONTENT_KINDS, REFERRAL_BASES, REFERRAL_PLATFORMS } from '@liaison/domain';
import { FreeText, Instant, OneOf, Uuid } from '../../../commands/http/field-validators.js';
import { Locator, Sha256 } from '../../shared/referral-fields.js';

export class ReferContentRequestDto {
  @OneOf(REFERRAL_PLATFORMS, { description: 'Platform from the catalogue; "other" needs platformName.', example: 'tiktok' })
  platform!: string;

  @FreeText(100, { optional: true, description: 'Name of the platform when platform is "other".', example: 'Fictional Chat' })
  platformName?: string;

  @Locator('URL or platform id of the content. Normalised for de-duplication: the same content referred by another country joins this referral.')
  locator!: string;

  @OneOf(CONTENT_KINDS, { description: 'What the content is.', example: 'recruitment_offer' })
  contentKind!: string;

  @OneOf(REFERRAL_BASES, { description: 'removal_order: Regulation 2021/784, one hour to comply. tos_referral: voluntary review against the terms of service.', example: 'tos_referral' })
  basis!: string;

  @Uuid({ optional: true, description: 'A case your country owns or contributes to.' })
  caseId?: string;

  @Uuid({ optional: true, description: 'A handler abroad identified in that case (needs caseId).' })
  handlerId?: string;

  @Uuid({ optional: true, description: 'The referral action day this item belongs to.' })
  actionDayId?: string;

  @FreeText(200, { description: 'The referring unit.', example: 'NOA Cyber (fictional)' })
  unit!: string;

  @Sha256('SHA-256 of the preserved capture (the capture itself stays in your evidence system).', true)
  evidenceSha256?: string;

  @Instant({ optional: true, description: 'When the content was referred; defaults to now, never in the future.' })
  referredAt?: string;
}

import { FreeText, Instant, OneOf } from '../../../commands/http/field-validators.js';
import { OutcomeDetailsDto, PLATFORM_OUTCOMES } from '../../../referrals/commands/record-outcome/record-outcome.request.dto.js';
import { Locator } from '../../../referrals/shared/referral-fields.js';

export const ANSWERS = ['acknowledged', ...PLATFORM_OUTCOMES] as const;

/**
 * One line of a platform's answer file: which content (by locator, as referred), what the platform did
 * and when. CSV header: locator,outcome,at[,countries,reason,reasonText,platformReference]; in CSV the
 * countries are separated by ";" (SE;DK). Same field rules as the single-referral routes.
 */
export class PlatformAnswerRowDto extends OutcomeDetailsDto {
  @Locator('The content as it was referred (any spelling that normalises to the same locator).')
  locator!: string;

  @OneOf(ANSWERS, { description: 'acknowledged, or what the platform did.' })
  outcome!: (typeof ANSWERS)[number];

  @Instant({ description: 'When the platform acknowledged or acted.' })
  at!: string;

  @FreeText(200, { optional: true, description: 'acknowledged only: the platform\'s reference.' })
  platformReference?: string;
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PLATFORM_OPERATORS, REFERRAL_PLATFORMS, REMOVAL_ORDER_DEADLINE_MINUTES, type ReferralPlatform } from '@liaison/domain';
import { RequireAnyScope, Scope } from '../../auth/index.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { FOLLOW_UP_DAYS } from '../shared/follow-up.config.js';

const CATALOGUE_SCHEMA = {
  type: 'object',
  required: ['removalOrderDeadlineMinutes', 'items'],
  properties: {
    removalOrderDeadlineMinutes: { type: 'integer', example: 60 },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['platform', 'operator', 'followUpDays'],
        properties: { platform: { type: 'string', enum: [...REFERRAL_PLATFORMS] }, operator: { type: 'string' }, followUpDays: { type: 'integer', minimum: 1 } },
      },
    },
  },
};

/** The platform catalogue is configuration, not a read model: it lives with the referrals that use it. */
@ApiTags('platforms')
@ApiBearerAuth()
@Controller('api/v1/platforms')
export class PlatformCatalogueController {
  constructor(@Inject(FOLLOW_UP_DAYS) private readonly followUpDays: Readonly<Record<ReferralPlatform, number>>) {}

  @Get()
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({
    summary: 'The platform catalogue with each platform\'s operator and response deadlines',
    description: 'Configuration, not a read model: answered as is, without `readAt` and without an access record.',
    ok: { description: 'The catalogue.', schema: CATALOGUE_SCHEMA },
  })
  catalogue(@Query() _q: ReadQueryDto) {
    return {
      removalOrderDeadlineMinutes: REMOVAL_ORDER_DEADLINE_MINUTES,
      items: REFERRAL_PLATFORMS.map((platform) => ({ platform, operator: PLATFORM_OPERATORS[platform], followUpDays: this.followUpDays[platform] })),
    };
  }
}

import { Module } from '@nestjs/common';
import { REFERRAL_COMMAND_CONTROLLERS } from './commands/referral-command.controllers.js';
import { FOLLOW_UP_DAYS, ReferralPlatforms, followUpDaysFrom } from './shared/follow-up.config.js';
import { ReferralLinks } from './shared/referral-links.js';
import { PlatformCatalogueController } from './queries/platform-catalogue.http.controller.js';

/** Platform referrals' use cases on the shared command path (CommandsModule). */
@Module({
  controllers: [...REFERRAL_COMMAND_CONTROLLERS, PlatformCatalogueController],
  providers: [
    ReferralLinks,
    ReferralPlatforms,
    { provide: FOLLOW_UP_DAYS, useFactory: () => followUpDaysFrom(process.env) },
  ],
  exports: [ReferralLinks, FOLLOW_UP_DAYS],
})
export class ReferralsModule {}

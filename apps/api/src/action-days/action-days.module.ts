import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { ImportPlatformAnswersHttpController } from './commands/import-platform-answers/import-platform-answers.http.controller.js';
import { PlatformAnswersImporter } from './commands/import-platform-answers/platform-answers.importer.js';
import { PlanActionDayHttpController } from './commands/plan-action-day/plan-action-day.http.controller.js';
import { ActionDayListImporter } from './commands/submit-action-day-list/action-day-list.importer.js';
import { SubmitActionDayListHttpController } from './commands/submit-action-day-list/submit-action-day-list.http.controller.js';
import { BulkImportService } from './shared/bulk-import.service.js';

/** Referral action days: planning, and the bulk list and answer-file imports that fill them with referrals. */
@Module({
  imports: [ReferralsModule],
  controllers: [PlanActionDayHttpController, SubmitActionDayListHttpController, ImportPlatformAnswersHttpController],
  providers: [BulkImportService, ActionDayListImporter, PlatformAnswersImporter],
})
export class ActionDaysModule {}

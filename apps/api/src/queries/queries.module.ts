import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { CasesQueryController } from './cases/cases.http.controller.js';
import { DetentionsQueryController } from './detentions/detentions.http.controller.js';
import { HandlersQueryController } from './handlers/handlers.http.controller.js';
import { ExtraditionsQueryController } from './extraditions/extraditions.http.controller.js';
import { ReferralsQueryController } from './referrals/referrals.http.controller.js';
import { PlatformsQueryController } from './platforms/platforms.http.controller.js';
import { InformationRequestsQueryController } from './information-requests/information-requests.http.controller.js';
import { DeadlinesQueryController } from './deadlines/deadlines.http.controller.js';
import { StatisticsQueryController } from './statistics/statistics.http.controller.js';
import { SearchQueryController } from './search/search.http.controller.js';
import { RetentionReviewsQueryController } from './retention-reviews/retention-reviews.http.controller.js';

/** Officers' reads of the read models (through the access room's gateway). */
@Module({
  imports: [AccessModule],
  controllers: [
    CasesQueryController, DetentionsQueryController, HandlersQueryController, ExtraditionsQueryController,
    ReferralsQueryController, PlatformsQueryController, InformationRequestsQueryController, DeadlinesQueryController,
    StatisticsQueryController, SearchQueryController, RetentionReviewsQueryController,
  ],
})
export class QueriesModule {}

import { Module } from '@nestjs/common';
import { ProjectionsHost } from './shared/projection-runner.provider.js';
import { ReadModelGateway } from './shared/read-model.gateway.js';
import { CasesQueryController } from './cases/cases.http.controller.js';
import { DetentionsQueryController } from './detentions/detentions.http.controller.js';
import { HandlersQueryController } from './handlers/handlers.http.controller.js';
import { ExtraditionsQueryController } from './extraditions/extraditions.http.controller.js';
import { ReferralsQueryController } from './referrals/referrals.http.controller.js';
import { PlatformsQueryController } from './platforms/platforms.http.controller.js';

@Module({
  controllers: [
    CasesQueryController, DetentionsQueryController, HandlersQueryController, ExtraditionsQueryController,
    ReferralsQueryController, PlatformsQueryController,
  ],
  providers: [ProjectionsHost, ReadModelGateway],
  exports: [ProjectionsHost, ReadModelGateway],
})
export class QueriesModule {}

import { Module } from '@nestjs/common';
import { QueriesModule } from '../../queries/queries.module.js';
import { NoResponseSweeper } from './no-response.sweeper.js';

/** The service's own follow-up of unanswered referrals; it reads the ledger, so it sits on the queries room. */
@Module({
  imports: [QueriesModule],
  providers: [NoResponseSweeper],
})
export class ReferralFollowUpModule {}

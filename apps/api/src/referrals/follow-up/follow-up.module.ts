import { Module } from '@nestjs/common';
import { NoResponseSweeper } from './no-response.sweeper.js';

/** The service's own follow-up of unanswered referrals; it reads the ledger through the runtime (a system read: ids only, no viewer). */
@Module({
  providers: [NoResponseSweeper],
})
export class ReferralFollowUpModule {}

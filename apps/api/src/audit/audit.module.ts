import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AuditRunner } from './audit-runner.js';
import { SnapshotKeeper } from './snapshots/snapshot-keeper.js';
import { AccessLogController } from './access-log/access-log.http.controller.js';
import { AccessViewController } from './access-view/access-view.http.controller.js';
import { ReplayCaseController } from './replay-case/replay-case.http.controller.js';
import { VerifyController } from './verify/verify.http.controller.js';
import { ReplayReferralController } from './replay-referral/replay-referral.http.controller.js';

/** Supervisors' questions (scope audit:read): who looked and why, what we knew then, what we disclosed, is the log intact. */
@Module({
  imports: [AccessModule],
  providers: [AuditRunner, SnapshotKeeper],
  controllers: [AccessLogController, AccessViewController, ReplayCaseController, VerifyController, ReplayReferralController],
})
export class AuditModule {}

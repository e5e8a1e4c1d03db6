import { Global, Module } from '@nestjs/common';
import { ProjectionsHost } from './projections-host.js';

/**
 * The threads and their clients (projection workers, the query and audit thread). Global: queries,
 * audit, live updates, health and the referral follow-up all sit on it. It imports no feature room;
 * audit jobs reach the audit thread as plain JSON (worker/thread-job.ts).
 */
@Global()
@Module({
  providers: [ProjectionsHost],
  exports: [ProjectionsHost],
})
export class RuntimeModule {}

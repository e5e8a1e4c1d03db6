import { Module } from '@nestjs/common';
import { RetentionReviewSweeper } from './retention-review.sweeper.js';

/** The service's own retention process manager; it reads the retention-reviews read model through the runtime (a system read: ids only). */
@Module({
  providers: [RetentionReviewSweeper],
})
export class RetentionModule {}

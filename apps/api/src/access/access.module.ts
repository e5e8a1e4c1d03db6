import { Module } from '@nestjs/common';
import { ReadModelGateway } from './read-model.gateway.js';

/**
 * The disclosure room every read goes through: purpose, read-your-writes, the query catalogue and the
 * access record. Queries and audit both sit on it; neither imports the other.
 */
@Module({
  providers: [ReadModelGateway],
  exports: [ReadModelGateway],
})
export class AccessModule {}

import { Module } from '@nestjs/common';
import { INFORMATION_REQUEST_COMMAND_CONTROLLERS } from './commands/information-request-command.controllers.js';
import { SPOC_TIME_ZONES, spocTimeZonesFrom } from './shared/spoc-time-zones.config.js';

/** Information requests under Directive (EU) 2023/977: their use cases on the shared command path (CommandsModule). */
@Module({
  controllers: [...INFORMATION_REQUEST_COMMAND_CONTROLLERS],
  providers: [{ provide: SPOC_TIME_ZONES, useFactory: () => spocTimeZonesFrom(process.env) }],
})
export class InformationRequestsModule {}

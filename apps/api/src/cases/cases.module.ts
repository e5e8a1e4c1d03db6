import { Module } from '@nestjs/common';
import { CaseCommandGateway } from './shared/case-command.gateway.js';
import { CASE_COMMAND_CONTROLLERS } from './commands/case-command.controllers.js';

/** The case aggregate's use cases; the command path itself is CommandsModule's (shared by every aggregate). */
@Module({
  controllers: [...CASE_COMMAND_CONTROLLERS],
  providers: [CaseCommandGateway],
})
export class CasesModule {}

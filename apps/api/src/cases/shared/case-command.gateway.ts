import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CaseCommand } from '@liaison/domain';
import { CommandGateway } from '../../commands/command.gateway.js';
import type { BuildCommand } from '../../commands/command.gateway.js';
import type { IdentifiedResult } from '../../commands/aggregate-descriptor.js';
import { CASE_AGGREGATE } from '../case.descriptor.js';

export type CaseCommandResult = IdentifiedResult<'caseId'>;

/** The shared command path, bound to the case aggregate so case controllers name only the case id. */
@Injectable()
export class CaseCommandGateway {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  execute(req: FastifyRequest, reply: FastifyReply, caseId: string, build: BuildCommand<CaseCommand>, status = 200): Promise<CaseCommandResult> {
    return this.commands.execute(req, reply, CASE_AGGREGATE, caseId, build, status);
  }
}

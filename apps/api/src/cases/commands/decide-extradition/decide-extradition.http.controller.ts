import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { DecideExtraditionRequestDto } from './decide-extradition.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class DecideExtraditionHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/extraditions/:extraditionId/decision')
  @ApiCaseParams('caseId', 'extraditionId')
  @ApiCaseCommand({ summary: "Record the executing state's decision" })
  async decide(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('extraditionId') extraditionId: string,
    @Body() body: DecideExtraditionRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'DecideExtradition',
      data: { caseId, extraditionId, outcome: body.outcome, grounds: body.grounds, decidedAt: body.decidedAt },
      metadata,
    }));
  }
}

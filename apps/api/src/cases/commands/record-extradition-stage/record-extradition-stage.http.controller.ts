import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RecordExtraditionStageRequestDto } from './record-extradition-stage.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RecordExtraditionStageHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/extraditions/:extraditionId/stages')
  @ApiCaseParams('caseId', 'extraditionId')
  @ApiCaseCommand({ summary: 'Record a milestone of the extradition in the executing state', description: 'Stages move forward only (422 EXTRADITION_STAGE_OUT_OF_ORDER).' })
  async stage(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('extraditionId') extraditionId: string,
    @Body() body: RecordExtraditionStageRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RecordExtraditionStage',
      data: { caseId, extraditionId, stage: body.stage, reachedAt: body.reachedAt },
      metadata,
    }));
  }
}

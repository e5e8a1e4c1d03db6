import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RecordSurrenderRequestDto } from './record-surrender.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RecordSurrenderHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/extraditions/:extraditionId/surrender')
  @ApiCaseParams('caseId', 'extraditionId')
  @ApiCaseCommand({ summary: 'Record that the person was surrendered', description: 'Only after a granted decision.' })
  async surrender(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('extraditionId') extraditionId: string,
    @Body() body: RecordSurrenderRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RecordSurrender',
      data: { caseId, extraditionId, surrenderedAt: body.surrenderedAt },
      metadata,
    }));
  }
}

import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { UpdateHandlerLocationRequestDto } from './update-handler-location.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class UpdateHandlerLocationHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/handlers/:handlerId/location')
  @ApiCaseParams('caseId', 'handlerId')
  @ApiCaseCommand({ summary: "Update a handler's believed location" })
  async update(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('handlerId') handlerId: string,
    @Body() body: UpdateHandlerLocationRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'UpdateHandlerLocation',
      data: { caseId, handlerId, believedCountry: body.believedCountry, evaluation: { ...body.evaluation } },
      metadata,
    }));
  }
}

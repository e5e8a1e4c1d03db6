import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { newEntityId } from '../../../commands/http/new-entity-id.js';
import { HandlerIdentifiedResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { IdentifyHandlerAbroadRequestDto } from './identify-handler-abroad.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class IdentifyHandlerAbroadHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/handlers')
  @ApiCaseParams('caseId')
  @ApiCaseCommand({
    summary: 'Identify a handler abroad directing crimes in the case',
    description: 'The handler id is generated unless the body gives one.',
    created: true,
    result: HandlerIdentifiedResultDto,
  })
  async identify(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @Body() body: IdentifyHandlerAbroadRequestDto,
  ): Promise<HandlerIdentifiedResultDto> {
    const handlerId = body.handlerId ?? newEntityId(req, 'handlerId');
    const result = await this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'IdentifyHandlerAbroad',
      data: {
        caseId,
        handlerId,
        alias: body.alias,
        believedCountry: body.believedCountry,
        platforms: [...body.platforms],
        evaluation: { ...body.evaluation },
      },
      metadata,
    }), 201);
    return { ...result, handlerId };
  }
}

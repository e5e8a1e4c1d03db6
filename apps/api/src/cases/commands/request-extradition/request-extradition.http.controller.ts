import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { newEntityId } from '../../../commands/http/new-entity-id.js';
import { ExtraditionRequestedResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RequestExtraditionRequestDto } from './request-extradition.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RequestExtraditionHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/extraditions')
  @ApiCaseParams('caseId')
  @ApiCaseCommand({
    summary: 'Request the extradition or surrender of a person',
    description: 'The extradition id is generated unless the body gives one.',
    created: true,
    result: ExtraditionRequestedResultDto,
  })
  async request(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @Body() body: RequestExtraditionRequestDto,
  ): Promise<ExtraditionRequestedResultDto> {
    const extraditionId = body.extraditionId ?? newEntityId(req, 'extraditionId');
    const result = await this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RequestExtradition',
      data: {
        caseId,
        extraditionId,
        personId: body.personId,
        requestingCountry: body.requestingCountry,
        requestedCountry: body.requestedCountry,
        route: body.route,
        sentAt: body.sentAt,
      },
      metadata,
    }), 201);
    return { ...result, extraditionId };
  }
}

import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { LinkHandlerToPersonRequestDto } from './link-handler-to-person.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class LinkHandlerToPersonHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/handlers/:handlerId/links')
  @ApiCaseParams('caseId', 'handlerId')
  @ApiCaseCommand({ summary: 'Link a handler abroad to a person in the case' })
  async link(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('handlerId') handlerId: string,
    @Body() body: LinkHandlerToPersonRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'LinkHandlerToPerson',
      data: { caseId, handlerId, personId: body.personId, relation: body.relation },
      metadata,
    }));
  }
}

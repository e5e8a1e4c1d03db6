import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RestrictProcessingRequestDto } from './restrict-processing.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RestrictProcessingHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/persons/:personId/restriction')
  @ApiCaseParams('caseId', 'personId')
  @ApiCaseCommand({
    summary: "Restrict processing of a person's data (LED Art. 16(3))",
    description: 'Owner country only. The record stays, marked restricted, and leaves lists and counts unless asked for with audit:read or a stated purpose. Already restricted: 200 with no new event.',
  })
  async restrict(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('personId') personId: string,
    @Body() body: RestrictProcessingRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RestrictProcessing',
      data: { caseId, personId, ground: body.ground, reason: body.reason },
      metadata,
    }));
  }
}

import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RectifyPersonRequestDto } from './rectify-person.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RectifyPersonHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/persons/:personId/rectification')
  @ApiCaseParams('caseId', 'personId')
  @ApiCaseCommand({
    summary: "Rectify a person's name, pseudonym, birth year or aliases (LED Art. 16(1))",
    description: 'Owner country only. Every country the case is shared with sees the corrected value, with when and by whom it was corrected.',
  })
  async rectify(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('personId') personId: string,
    @Body() body: RectifyPersonRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RectifyPerson',
      data: { caseId, personId, field: body.field, value: body.value, reason: body.reason },
      metadata,
    }));
  }
}

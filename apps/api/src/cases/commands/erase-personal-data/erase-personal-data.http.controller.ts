import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { ErasePersonalDataRequestDto } from './erase-personal-data.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class ErasePersonalDataHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  // A POST action: the erasure is itself a recorded fact (who, when, why), while the data it erases is
  // made unreadable everywhere at once by destroying the person's key (ADR 19).
  @Post(':caseId/persons/:personId/erase')
  @ApiCaseParams('caseId', 'personId')
  @ApiCaseCommand({
    summary: "Erase a person's personal data",
    description: "Owner country only, also in a closed case. Destroys the person's key: names, pseudonym, aliases, birth year and the person's free text read as erased in every view, export, replay and rebuild, and for every partner the case is shared with. The person's other facts (detentions, nationalities) stay, no longer attached to a name. Irreversible.",
  })
  async erase(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('personId') personId: string,
    @Body() body: ErasePersonalDataRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'ErasePersonalData',
      data: { caseId, personId, legalBasis: body.legalBasis, reason: body.reason },
      metadata,
    }));
  }
}

import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, CountryParam, UuidParam } from '../../../commands/http/path-params.js';
import { RetractNationalityRequestDto } from './retract-nationality.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RetractNationalityHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  // A POST action rather than DELETE: a retraction is a recorded fact with a reason, not an erasure.
  @Post(':caseId/persons/:personId/nationalities/:country/retract')
  @ApiCaseParams('caseId', 'personId', 'country')
  @ApiCaseCommand({ summary: "Retract a person's recorded nationality" })
  async retract(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('personId') personId: string,
    @CountryParam('country') country: string,
    @Body() body: RetractNationalityRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RetractNationality',
      data: { caseId, personId, country, reason: body.reason },
      metadata,
    }));
  }
}

import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { LiftRestrictionRequestDto } from './lift-restriction.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class LiftRestrictionHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  // A POST action rather than DELETE: lifting is a recorded fact with a reason.
  @Post(':caseId/persons/:personId/restriction/lift')
  @ApiCaseParams('caseId', 'personId')
  @ApiCaseCommand({
    summary: 'Lift the restriction of processing of a person',
    description: 'Owner country only. A restriction for an overdue retention review is lifted by recording the review instead (422 RESTRICTION_NEEDS_REVIEW).',
  })
  async lift(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('personId') personId: string,
    @Body() body: LiftRestrictionRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'LiftRestriction',
      data: { caseId, personId, reason: body.reason },
      metadata,
    }));
  }
}

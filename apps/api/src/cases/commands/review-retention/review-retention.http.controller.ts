import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { ReviewRetentionRequestDto } from './review-retention.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class ReviewRetentionHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/persons/:personId/retention-review')
  @ApiCaseParams('caseId', 'personId')
  @ApiCaseCommand({
    summary: "Record a retention review of a person's data (LED Art. 5)",
    description: 'Owner country only. Keeps the data until keepUntil, when the next review is due; lifts a restriction that the overdue review caused. The other outcome of a review is erasure.',
  })
  async review(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('personId') personId: string,
    @Body() body: ReviewRetentionRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'ReviewRetention',
      data: { caseId, personId, keepUntil: body.keepUntil, reason: body.reason },
      metadata,
    }));
  }
}

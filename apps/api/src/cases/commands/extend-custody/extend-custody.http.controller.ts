import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { ExtendCustodyRequestDto } from './extend-custody.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class ExtendCustodyHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/detentions/:detentionId/extensions')
  @ApiCaseParams('caseId', 'detentionId')
  @ApiCaseCommand({ summary: 'Extend custody: record the next custody review' })
  async extend(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('detentionId') detentionId: string,
    @Body() body: ExtendCustodyRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'ExtendCustody',
      data: {
        caseId,
        detentionId,
        nextCustodyReviewAt: body.nextCustodyReviewAt,
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
      },
      metadata,
    }));
  }
}

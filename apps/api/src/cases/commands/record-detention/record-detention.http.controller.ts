import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { newEntityId } from '../../../commands/http/new-entity-id.js';
import { DetentionRecordedResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RecordDetentionRequestDto } from './record-detention.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RecordDetentionHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/detentions')
  @ApiCaseParams('caseId')
  @ApiCaseCommand({
    summary: 'Record that a person is detained',
    description: 'The person must be registered and not already held (422 PERSON_NOT_REGISTERED, DETENTION_ALREADY_OPEN).',
    created: true,
    result: DetentionRecordedResultDto,
  })
  async record(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @Body() body: RecordDetentionRequestDto,
  ): Promise<DetentionRecordedResultDto> {
    const detentionId = body.detentionId ?? newEntityId(req, 'detentionId');
    const result = await this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RecordDetention',
      data: {
        caseId,
        detentionId,
        personId: body.personId,
        holdingCountry: body.holdingCountry,
        facility: body.facility,
        detainedAt: body.detainedAt,
        legalBasis: body.legalBasis,
        nextCustodyReviewAt: body.nextCustodyReviewAt,
      },
      metadata,
    }), 201);
    return { ...result, detentionId };
  }
}

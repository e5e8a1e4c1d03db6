import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RecordExtraditionConsentRequestDto } from './record-extradition-consent.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RecordExtraditionConsentHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/extraditions/:extraditionId/consent')
  @ApiCaseParams('caseId', 'extraditionId')
  @ApiCaseCommand({ summary: 'Record that the person consented to surrender', description: 'Shortens the decision deadline where the route gives one.' })
  async consent(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @UuidParam('extraditionId') extraditionId: string,
    @Body() body: RecordExtraditionConsentRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RecordExtraditionConsent',
      data: { caseId, extraditionId, consentedAt: body.consentedAt },
      metadata,
    }));
  }
}

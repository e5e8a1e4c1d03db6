import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Scope } from '../../../auth/index.js';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { ShareCaseRequestDto } from './share-case.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class ShareCaseHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/sharing')
  @ApiCaseParams('caseId')
  @ApiCaseCommand({
    summary: 'Share a case with a partner country, or change the level',
    description: 'Owner country only (403 NOT_OWNER otherwise). Needs the cases:share scope.',
    scope: Scope.CasesShare,
  })
  async share(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @Body() body: ShareCaseRequestDto,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'ShareCase',
      data: { caseId, partnerCountry: body.partnerCountry, level: body.level },
      metadata,
    }));
  }
}

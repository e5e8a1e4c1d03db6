import { Controller, Delete, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Scope } from '../../../auth/index.js';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, CountryParam, UuidParam } from '../../../commands/http/path-params.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RevokeSharingHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Delete(':caseId/sharing/:country')
  @ApiCaseParams('caseId', 'country')
  @ApiCaseCommand({
    summary: 'Stop sharing a case with a partner country',
    description: 'Owner country only. Needs the cases:share scope; no body.',
    scope: Scope.CasesShare,
  })
  async revoke(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @CountryParam('country') country: string,
  ): Promise<CaseCommandResultDto> {
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RevokeSharing',
      data: { caseId, partnerCountry: country },
      metadata,
    }));
  }
}

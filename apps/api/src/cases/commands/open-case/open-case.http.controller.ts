import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { newEntityId } from '../../../commands/http/new-entity-id.js';
import { CaseCommandResultDto } from '../shared/case-command-result.dto.js';
import { OpenCaseRequestDto } from './open-case.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class OpenCaseHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post()
  @ApiCaseCommand({
    summary: 'Open a case',
    description:
      "The case belongs to the officer's country. The id is generated unless the body gives one; " +
      'with an Idempotency-Key a retry gets the same id and the case is opened once.',
    created: true,
    notFound: false,
  })
  async open(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: OpenCaseRequestDto,
  ): Promise<CaseCommandResultDto> {
    const caseId = body.caseId ?? newEntityId(req, 'caseId');
    return this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'OpenCase',
      data: {
        caseId,
        title: body.title,
        offenceCategory: body.offenceCategory,
        handlingCode: body.handlingCode,
        ...(body.handlingText !== undefined ? { handlingText: body.handlingText } : {}),
      },
      metadata,
    }), 201);
  }
}

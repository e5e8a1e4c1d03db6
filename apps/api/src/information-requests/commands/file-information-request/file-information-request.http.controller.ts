import { Body, Controller, Inject, Post, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileInformationRequest } from '@liaison/domain';
import { Scope } from '../../../auth/index.js';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { ApiCommand } from '../../../commands/http/api-command.decorator.js';
import { newEntityId } from '../../../commands/http/new-entity-id.js';
import { CaseLinks } from '../../../commands/links/case-links.js';
import { INFORMATION_REQUEST_AGGREGATE } from '../../information-request.descriptor.js';
import { INFORMATION_REQUEST_COMMANDS_TAG, InformationRequestCommandResultDto } from '../../shared/information-request-result.dto.js';
import { SPOC_TIME_ZONES } from '../../shared/spoc-time-zones.config.js';
import { FileInformationRequestRequestDto } from './file-information-request.request.dto.js';

type Data = FileInformationRequest['data'];

@ApiTags(INFORMATION_REQUEST_COMMANDS_TAG)
@Controller('api/v1/information-requests')
export class FileInformationRequestHttpController {
  constructor(
    @Inject(CommandGateway) private readonly commands: CommandGateway,
    @Inject(CaseLinks) private readonly cases: CaseLinks,
    @Inject(SPOC_TIME_ZONES) private readonly zones: ReadonlyMap<string, string>,
  ) {}

  @Post()
  @ApiCommand({
    aggregate: 'information request', scope: Scope.CasesWrite, created: true, notFound: false, result: InformationRequestCommandResultDto,
    summary: 'File a request for information to another country\'s SPOC (Directive 2023/977)',
    description: 'Records InformationRequested with the deadline derived from urgency and access (Art. 5(1): 8 hours, 3 or 7 calendar days from receipt, counted in the requested SPOC\'s time zone). The filing officer\'s country is the requesting country; both countries see the request, nobody else. 422 LINKED_CASE_NOT_FOUND when caseId names a case your country cannot contribute to, SPOC_TIME_ZONE_UNKNOWN for a requested country without a configured time zone, or the decider\'s code.',
  })
  async file(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: FileInformationRequestRequestDto,
  ): Promise<InformationRequestCommandResultDto> {
    const timeZone = this.zones.get(body.requestedCountry);
    if (timeZone === undefined) {
      const message = `No SPOC time zone is configured for ${body.requestedCountry} (SPOC_TIME_ZONES)`;
      throw new UnprocessableEntityException({ message, code: 'SPOC_TIME_ZONE_UNKNOWN', errors: [{ field: 'requestedCountry', messages: [message] }] });
    }
    await this.cases.assertContributable(req.principal!.country, body.caseId);
    const requestId = newEntityId(req, 'information-request');
    return this.commands.execute(req, reply, INFORMATION_REQUEST_AGGREGATE, requestId, (metadata) => ({
      type: 'FileInformationRequest',
      data: {
        requestId, requestedCountry: body.requestedCountry as Data['requestedCountry'], requestingAuthority: body.requestingAuthority, caseId: body.caseId,
        informationSought: body.informationSought, purpose: body.purpose, urgent: body.urgent, urgencyReason: body.urgencyReason as Data['urgencyReason'],
        access: body.access as Data['access'], language: body.language, channel: body.channel as Data['channel'], receivedAt: body.receivedAt, timeZone,
      },
      metadata,
    }), 201);
  }
}

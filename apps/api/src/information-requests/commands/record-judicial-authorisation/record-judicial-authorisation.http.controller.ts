import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { INFORMATION_REQUEST_AGGREGATE } from '../../information-request.descriptor.js';
import { ApiInformationRequestCommand } from '../../shared/api-information-request-command.decorator.js';
import { INFORMATION_REQUEST_COMMANDS_TAG, InformationRequestCommandResultDto } from '../../shared/information-request-result.dto.js';
import { RecordJudicialAuthorisationRequestDto } from './record-judicial-authorisation.request.dto.js';

@ApiTags(INFORMATION_REQUEST_COMMANDS_TAG)
@Controller('api/v1/information-requests')
export class RecordJudicialAuthorisationHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':requestId/judicial-authorisation')
  @ApiInformationRequestCommand('Record that the judicial authorisation was given', 'The requested country only; answer at once: the deadline moves by the time the authorisation took.')
  async handle(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('requestId') requestId: string,
    @Body() body: RecordJudicialAuthorisationRequestDto,
  ): Promise<InformationRequestCommandResultDto> {
    return this.commands.execute(req, reply, INFORMATION_REQUEST_AGGREGATE, requestId, (metadata) => ({
      type: 'RecordJudicialAuthorisation', data: { requestId, obtainedAt: body.obtainedAt }, metadata,
    }));
  }
}

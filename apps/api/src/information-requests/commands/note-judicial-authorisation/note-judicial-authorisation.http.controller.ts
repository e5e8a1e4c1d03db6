import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { INFORMATION_REQUEST_AGGREGATE } from '../../information-request.descriptor.js';
import { ApiInformationRequestCommand } from '../../shared/api-information-request-command.decorator.js';
import { INFORMATION_REQUEST_COMMANDS_TAG, InformationRequestCommandResultDto } from '../../shared/information-request-result.dto.js';
import { NoteJudicialAuthorisationPendingRequestDto } from './note-judicial-authorisation.request.dto.js';

@ApiTags(INFORMATION_REQUEST_COMMANDS_TAG)
@Controller('api/v1/information-requests')
export class NoteJudicialAuthorisationPendingHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':requestId/judicial-authorisation-notice')
  @ApiInformationRequestCommand('Tell the requesting side that a judicial authorisation is needed (Art. 5(2))', 'The requested country only: the expected delay and why. The deadline is exceeded only as far as necessary to obtain the authorisation; counted in the Art. 18 statistics.')
  async handle(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('requestId') requestId: string,
    @Body() body: NoteJudicialAuthorisationPendingRequestDto,
  ): Promise<InformationRequestCommandResultDto> {
    return this.commands.execute(req, reply, INFORMATION_REQUEST_AGGREGATE, requestId, (metadata) => ({
      type: 'NoteJudicialAuthorisationPending', data: { requestId, expectedDelayDays: body.expectedDelayDays, reason: body.reason, noticeSentAt: body.noticeSentAt }, metadata,
    }));
  }
}

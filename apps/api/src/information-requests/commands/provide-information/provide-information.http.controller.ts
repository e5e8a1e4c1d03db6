import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { INFORMATION_REQUEST_AGGREGATE } from '../../information-request.descriptor.js';
import { ApiInformationRequestCommand } from '../../shared/api-information-request-command.decorator.js';
import { INFORMATION_REQUEST_COMMANDS_TAG, InformationRequestCommandResultDto } from '../../shared/information-request-result.dto.js';
import { ProvideInformationRequestDto } from './provide-information.request.dto.js';

@ApiTags(INFORMATION_REQUEST_COMMANDS_TAG)
@Controller('api/v1/information-requests')
export class ProvideInformationHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':requestId/information')
  @ApiInformationRequestCommand('Record the information provided in answer', 'The requested country only. An answer after the deadline in force is recorded as late (Art. 18 statistics).')
  async handle(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('requestId') requestId: string,
    @Body() body: ProvideInformationRequestDto,
  ): Promise<InformationRequestCommandResultDto> {
    return this.commands.execute(req, reply, INFORMATION_REQUEST_AGGREGATE, requestId, (metadata) => ({
      type: 'ProvideInformation', data: { requestId, summary: body.summary, partial: body.partial, providedAt: body.providedAt }, metadata,
    }));
  }
}

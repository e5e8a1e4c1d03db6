import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { INFORMATION_REQUEST_AGGREGATE } from '../../information-request.descriptor.js';
import { ApiInformationRequestCommand } from '../../shared/api-information-request-command.decorator.js';
import { INFORMATION_REQUEST_COMMANDS_TAG, InformationRequestCommandResultDto } from '../../shared/information-request-result.dto.js';
import { RequestClarificationRequestDto } from './request-clarification.request.dto.js';

@ApiTags(INFORMATION_REQUEST_COMMANDS_TAG)
@Controller('api/v1/information-requests')
export class RequestClarificationHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':requestId/clarification-request')
  @ApiInformationRequestCommand('Ask the requesting side for clarification instead of refusing (Art. 6(3))', 'The requested country only. The time limits stand still from requestedAt until the clarification is provided.')
  async handle(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('requestId') requestId: string,
    @Body() body: RequestClarificationRequestDto,
  ): Promise<InformationRequestCommandResultDto> {
    return this.commands.execute(req, reply, INFORMATION_REQUEST_AGGREGATE, requestId, (metadata) => ({
      type: 'RequestClarification', data: { requestId, question: body.question, requestedAt: body.requestedAt }, metadata,
    }));
  }
}

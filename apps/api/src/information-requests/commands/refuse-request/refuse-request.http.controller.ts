import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RefusalGround } from '@liaison/domain';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { INFORMATION_REQUEST_AGGREGATE } from '../../information-request.descriptor.js';
import { ApiInformationRequestCommand } from '../../shared/api-information-request-command.decorator.js';
import { INFORMATION_REQUEST_COMMANDS_TAG, InformationRequestCommandResultDto } from '../../shared/information-request-result.dto.js';
import { RefuseRequestRequestDto } from './refuse-request.request.dto.js';

@ApiTags(INFORMATION_REQUEST_COMMANDS_TAG)
@Controller('api/v1/information-requests')
export class RefuseRequestHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':requestId/refusal')
  @ApiInformationRequestCommand('Refuse a request on one or more Art. 6(1) grounds', 'The requested country only, within the deadline in force (422 otherwise) and only on the grounds of Art. 6(1)(a)–(h), each with its reason.')
  async handle(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('requestId') requestId: string,
    @Body() body: RefuseRequestRequestDto,
  ): Promise<InformationRequestCommandResultDto> {
    return this.commands.execute(req, reply, INFORMATION_REQUEST_AGGREGATE, requestId, (metadata) => ({
      type: 'RefuseRequest', data: { requestId, grounds: body.grounds.map((g) => ({ ground: g.ground as RefusalGround, reason: g.reason })), partial: body.partial, refusedAt: body.refusedAt }, metadata,
    }));
  }
}

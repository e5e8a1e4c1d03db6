import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { REFERRAL_AGGREGATE } from '../../referral.descriptor.js';
import { ApiReferralCommand } from '../../shared/api-referral-command.decorator.js';
import { REFERRAL_COMMANDS_TAG, ReferralCommandResultDto } from '../../shared/referral-result.dto.js';
import { RecordAcknowledgementRequestDto } from './record-acknowledgement.request.dto.js';

@ApiTags(REFERRAL_COMMANDS_TAG)
@Controller('api/v1/referrals')
export class RecordAcknowledgementHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':referralId/acknowledgement')
  @ApiReferralCommand('Record that the platform acknowledged the referral', 'Counts as the platform\'s first answer. 422 REFERRAL_NOT_SENT, REFERRAL_OUTCOME_ALREADY_RECORDED.')
  async acknowledge(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('referralId') referralId: string,
    @Body() body: RecordAcknowledgementRequestDto,
  ): Promise<ReferralCommandResultDto> {
    return this.commands.execute(req, reply, REFERRAL_AGGREGATE, referralId, (metadata) => ({
      type: 'RecordPlatformAcknowledgement', data: { referralId, acknowledgedAt: body.acknowledgedAt, platformReference: body.platformReference }, metadata,
    }));
  }
}

import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { REFERRAL_AGGREGATE } from '../../referral.descriptor.js';
import { ApiReferralCommand } from '../../shared/api-referral-command.decorator.js';
import { REFERRAL_COMMANDS_TAG, ReferralCommandResultDto } from '../../shared/referral-result.dto.js';
import { WithdrawReferralRequestDto } from './withdraw-referral.request.dto.js';

@ApiTags(REFERRAL_COMMANDS_TAG)
@Controller('api/v1/referrals')
export class WithdrawReferralHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':referralId/withdrawal')
  @ApiReferralCommand('Withdraw a referral', 'The originating country only (403 NOT_THE_ORIGINATOR); nothing more can be recorded on it afterwards.')
  async withdraw(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('referralId') referralId: string,
    @Body() body: WithdrawReferralRequestDto,
  ): Promise<ReferralCommandResultDto> {
    return this.commands.execute(req, reply, REFERRAL_AGGREGATE, referralId, (metadata) => ({ type: 'WithdrawReferral', data: { referralId, reason: body.reason }, metadata }));
  }
}

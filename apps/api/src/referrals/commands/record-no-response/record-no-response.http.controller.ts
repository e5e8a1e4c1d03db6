import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { REFERRAL_AGGREGATE } from '../../referral.descriptor.js';
import { ApiReferralCommand } from '../../shared/api-referral-command.decorator.js';
import { REFERRAL_COMMANDS_TAG, ReferralCommandResultDto } from '../../shared/referral-result.dto.js';

@ApiTags(REFERRAL_COMMANDS_TAG)
@Controller('api/v1/referrals')
export class RecordNoResponseHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':referralId/no-response')
  @ApiReferralCommand('Record that the platform did not answer by the deadline',
    'Only once the response deadline has passed (422 REFERRAL_RESPONSE_NOT_DUE); a late answer can still be recorded afterwards. The service also records it by itself, as liaison:follow-up, every REFERRAL_FOLLOW_UP_SWEEP_MS.')
  async record(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('referralId') referralId: string,
  ): Promise<ReferralCommandResultDto> {
    return this.commands.execute(req, reply, REFERRAL_AGGREGATE, referralId, (metadata) => ({ type: 'RecordNoPlatformResponse', data: { referralId }, metadata }));
  }
}

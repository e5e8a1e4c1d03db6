import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReferralPlatform } from '@liaison/domain';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { REFERRAL_AGGREGATE } from '../../referral.descriptor.js';
import { ApiReferralCommand } from '../../shared/api-referral-command.decorator.js';
import { FOLLOW_UP_DAYS, ReferralPlatforms } from '../../shared/follow-up.config.js';
import { REFERRAL_COMMANDS_TAG, ReferralCommandResultDto } from '../../shared/referral-result.dto.js';
import { SendReferralRequestDto } from './send-referral.request.dto.js';

@ApiTags(REFERRAL_COMMANDS_TAG)
@Controller('api/v1/referrals')
export class SendReferralHttpController {
  constructor(
    @Inject(CommandGateway) private readonly commands: CommandGateway,
    @Inject(FOLLOW_UP_DAYS) private readonly followUpDays: Readonly<Record<ReferralPlatform, number>>,
    @Inject(ReferralPlatforms) private readonly platforms: ReferralPlatforms,
  ) {}

  @Post(':referralId/sent')
  @ApiReferralCommand('Record that the referral was sent to the platform',
    'Starts the response clock: one hour for a removal order, the platform\'s follow-up period (REFERRAL_FOLLOW_UP_DAYS, default 7 days) for a terms-of-service referral. 422 REFERRAL_ALREADY_SENT.')
  async send(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('referralId') referralId: string,
    @Body() body: SendReferralRequestDto,
  ): Promise<ReferralCommandResultDto> {
    // The follow-up period is the platform's (the decider ignores it for orders); the platform is in
    // the stream's first event. A missing stream is left for the decider to answer 404.
    const platform = await this.platforms.platformOf(referralId);
    const days = platform ? this.followUpDays[platform] : undefined;
    return this.commands.execute(req, reply, REFERRAL_AGGREGATE, referralId, (metadata) => ({
      type: 'SendReferralToPlatform',
      data: { referralId, sentAt: body.sentAt, channel: body.channel, followUpDays: days },
      metadata,
    }));
  }
}

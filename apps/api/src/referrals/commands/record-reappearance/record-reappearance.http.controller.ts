import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { REFERRAL_AGGREGATE } from '../../referral.descriptor.js';
import { ApiReferralCommand } from '../../shared/api-referral-command.decorator.js';
import { locatorKey } from '../../shared/locator-key.js';
import { REFERRAL_COMMANDS_TAG, ReferralCommandResultDto } from '../../shared/referral-result.dto.js';
import { RecordReappearanceRequestDto } from './record-reappearance.request.dto.js';

@ApiTags(REFERRAL_COMMANDS_TAG)
@Controller('api/v1/referrals')
export class RecordReappearanceHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':referralId/reappearances')
  @ApiReferralCommand('Record that removed content was uploaded again',
    'Links the new locator to this referral and opens a new round (send it again, then record the new outcome). 422 REFERRAL_NOT_REMOVED.')
  async record(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('referralId') referralId: string,
    @Body() body: RecordReappearanceRequestDto,
  ): Promise<ReferralCommandResultDto> {
    const { sha256 } = locatorKey(body.locator);
    return this.commands.execute(req, reply, REFERRAL_AGGREGATE, referralId, (metadata) => ({
      type: 'RecordContentReappeared', data: { referralId, locator: body.locator, locatorSha256: sha256, seenAt: body.seenAt }, metadata,
    }));
  }
}

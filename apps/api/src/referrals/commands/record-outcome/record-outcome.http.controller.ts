import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DeclineReason, RecordPlatformOutcome } from '@liaison/domain';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { REFERRAL_AGGREGATE } from '../../referral.descriptor.js';
import { ApiReferralCommand } from '../../shared/api-referral-command.decorator.js';
import { REFERRAL_COMMANDS_TAG, ReferralCommandResultDto } from '../../shared/referral-result.dto.js';
import { RecordOutcomeRequestDto } from './record-outcome.request.dto.js';

/** The platform-outcome command; the answer-file import builds the same one per row. */
export function outcomeCommand(referralId: string, body: RecordOutcomeRequestDto, metadata: RecordPlatformOutcome['metadata']): RecordPlatformOutcome {
  return {
    type: 'RecordPlatformOutcome',
    data: { referralId, outcome: body.outcome, at: body.at, countries: body.countries, reason: body.reason as DeclineReason | undefined, reasonText: body.reasonText },
    metadata,
  };
}

@ApiTags(REFERRAL_COMMANDS_TAG)
@Controller('api/v1/referrals')
export class RecordOutcomeHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post(':referralId/outcome')
  @ApiReferralCommand('Record what the platform did: removed, geo-blocked or declined',
    'One outcome per round (a reappearance starts a new one); the same outcome at the same instant again changes nothing. Allowed after NoPlatformResponse (a late answer). 422 REFERRAL_NOT_SENT, REFERRAL_OUTCOME_ALREADY_RECORDED.')
  async record(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('referralId') referralId: string,
    @Body() body: RecordOutcomeRequestDto,
  ): Promise<ReferralCommandResultDto> {
    return this.commands.execute(req, reply, REFERRAL_AGGREGATE, referralId, (metadata) => outcomeCommand(referralId, body, metadata));
  }
}

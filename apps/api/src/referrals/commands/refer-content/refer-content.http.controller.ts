import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReferContent } from '@liaison/domain';
import { Scope } from '../../../auth/index.js';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { ApiCommand } from '../../../commands/http/api-command.decorator.js';
import { REFERRAL_AGGREGATE } from '../../referral.descriptor.js';
import { locatorKey } from '../../shared/locator-key.js';
import { ReferralLinks } from '../../shared/referral-links.js';
import { REFERRAL_COMMANDS_TAG, ReferralCommandResultDto } from '../../shared/referral-result.dto.js';
import { ReferContentRequestDto } from './refer-content.request.dto.js';

/** The command for one referred item; the bulk import builds the very same one per row. */
export function referContentCommand(referralId: string, sha256: string, body: ReferContentRequestDto, metadata: ReferContent['metadata']): ReferContent {
  return {
    type: 'ReferContent',
    data: {
      referralId, platform: body.platform as ReferContent['data']['platform'], platformName: body.platformName, locator: body.locator,
      locatorSha256: sha256, contentKind: body.contentKind as ReferContent['data']['contentKind'], basis: body.basis as ReferContent['data']['basis'],
      caseId: body.caseId, handlerId: body.handlerId, actionDayId: body.actionDayId, unit: body.unit, evidenceSha256: body.evidenceSha256?.toLowerCase(),
      referredAt: body.referredAt,
    },
    metadata,
  };
}

@ApiTags(REFERRAL_COMMANDS_TAG)
@Controller('api/v1/referrals')
export class ReferContentHttpController {
  constructor(
    @Inject(CommandGateway) private readonly commands: CommandGateway,
    @Inject(ReferralLinks) private readonly links: ReferralLinks,
  ) {}

  @Post()
  @ApiCommand({
    aggregate: 'referral', scope: Scope.CasesWrite, created: true, notFound: false, result: ReferralCommandResultDto,
    summary: 'Refer content to a platform',
    description: 'Records ContentReferred. The same content (after normalising its locator) referred by another country adds that country as a co-referrer (CoReferrerJoined) instead of a duplicate; referred again by your own country it changes nothing. 422 LINKED_CASE_NOT_FOUND / HANDLER_NOT_IDENTIFIED / LINKED_ACTION_DAY_NOT_FOUND for links that do not hold.',
  })
  async refer(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: ReferContentRequestDto,
  ): Promise<ReferralCommandResultDto> {
    await this.links.assert(req.principal!.country, body);
    const key = locatorKey(body.locator);
    return this.commands.execute(req, reply, REFERRAL_AGGREGATE, key.referralId, (metadata) => referContentCommand(key.referralId, key.sha256, body, metadata), 201);
  }
}

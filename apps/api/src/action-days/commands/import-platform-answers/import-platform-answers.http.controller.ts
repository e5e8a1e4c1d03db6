import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Scope } from '../../../auth/index.js';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { ApiCommand } from '../../../commands/http/api-command.decorator.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { ACTION_DAY_TAG, BulkImportResultDto } from '../../shared/action-day-result.dto.js';
import { BULK_MEDIA_TYPES, CSV_TYPE, JSONL_TYPES, readBulkFile } from '../../shared/bulk-body.js';
import { PlatformAnswersImporter } from './platform-answers.importer.js';

@ApiTags(ACTION_DAY_TAG)
@Controller('api/v1/referrals/action-days')
export class ImportPlatformAnswersHttpController {
  constructor(
    @Inject(CommandGateway) private readonly commands: CommandGateway,
    @Inject(PlatformAnswersImporter) private readonly importer: PlatformAnswersImporter,
  ) {}

  @Post(':actionDayId/answers')
  @ApiParam({ name: 'actionDayId', format: 'uuid' })
  @ApiConsumes(CSV_TYPE, ...JSONL_TYPES)
  @ApiBody({ description: 'CSV with a header row (locator,outcome,at, optional countries (SE;DK),reason,reasonText,platformReference) or JSON Lines with the same fields; outcome is acknowledged, removed, geo_blocked or declined.', schema: { type: 'string' } })
  @ApiCommand({
    aggregate: 'action day', scope: Scope.CasesWrite, created: true, result: BulkImportResultDto, mediaTypes: BULK_MEDIA_TYPES,
    summary: 'Import a platform\'s answer file for an action day',
    description: 'All or nothing like the list: 400 INVALID_ROWS names each bad row (unknown content, content your country did not refer, an answer before the referral was sent …) and nothing is recorded. The same file again changes nothing.',
  })
  async import(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('actionDayId') actionDayId: string,
    @Body() body: unknown,
  ): Promise<BulkImportResultDto> {
    const file = readBulkFile(req, body);
    return (await this.commands.idempotent(req, reply, 201, () => this.importer.import(this.commands.metadataFor(req), actionDayId, file))) as BulkImportResultDto;
  }
}

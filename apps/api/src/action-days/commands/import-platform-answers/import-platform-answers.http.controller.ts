import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { ACTION_DAY_TAG, BulkImportResultDto } from '../../shared/action-day-result.dto.js';
import { ApiBulkImport } from '../../shared/api-bulk-import.decorator.js';
import { importFileRoute } from '../../shared/bulk-body.js';
import { PlatformAnswersImporter } from './platform-answers.importer.js';

@ApiTags(ACTION_DAY_TAG)
@Controller('api/v1/referrals/action-days')
export class ImportPlatformAnswersHttpController {
  constructor(
    @Inject(CommandGateway) private readonly commands: CommandGateway,
    @Inject(PlatformAnswersImporter) private readonly importer: PlatformAnswersImporter,
  ) {}

  @Post(':actionDayId/answers')
  @ApiBulkImport({
    summary: 'Import a platform\'s answer file for an action day',
    columns: 'locator,outcome,at, optional countries (SE;DK),reason,reasonText,platformReference; outcome is acknowledged, removed, geo_blocked or declined',
    description: 'All or nothing like the list: 400 INVALID_ROWS names each bad row (unknown content, content your country did not refer, an answer before the referral was sent …) and nothing is recorded. The same file again changes nothing.',
  })
  import(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @UuidParam('actionDayId') actionDayId: string, @Body() body: unknown): Promise<BulkImportResultDto> {
    return importFileRoute(this.commands, this.importer, req, reply, actionDayId, body);
  }
}

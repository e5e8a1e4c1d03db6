import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { ACTION_DAY_TAG, BulkImportResultDto } from '../../shared/action-day-result.dto.js';
import { ApiBulkImport } from '../../shared/api-bulk-import.decorator.js';
import { importFileRoute } from '../../shared/bulk-body.js';
import { ActionDayListImporter } from './action-day-list.importer.js';

@ApiTags(ACTION_DAY_TAG)
@Controller('api/v1/referrals/action-days')
export class SubmitActionDayListHttpController {
  constructor(
    @Inject(CommandGateway) private readonly commands: CommandGateway,
    @Inject(ActionDayListImporter) private readonly importer: ActionDayListImporter,
  ) {}

  @Post(':actionDayId/list')
  @ApiBulkImport({
    summary: 'Refer a whole action day\'s list in one request',
    columns: 'locator,contentKind,basis,unit, optional platform,platformName,caseId,handlerId,evidenceSha256,referredAt,sentAt,channel',
    description: 'Every row is validated first; if any row is invalid the answer is 400 INVALID_ROWS with each row\'s number, line and field, and nothing is recorded. The same file again changes nothing (imported: false); a row already referred by your country changes nothing, one referred by another country makes you a co-referrer.',
  })
  submit(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @UuidParam('actionDayId') actionDayId: string, @Body() body: unknown): Promise<BulkImportResultDto> {
    return importFileRoute(this.commands, this.importer, req, reply, actionDayId, body);
  }
}

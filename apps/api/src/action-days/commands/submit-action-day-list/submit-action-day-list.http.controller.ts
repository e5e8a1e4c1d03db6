import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Scope } from '../../../auth/index.js';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { ApiCommand } from '../../../commands/http/api-command.decorator.js';
import { UuidParam } from '../../../commands/http/path-params.js';
import { ACTION_DAY_TAG, BulkImportResultDto } from '../../shared/action-day-result.dto.js';
import { BULK_MEDIA_TYPES, CSV_TYPE, JSONL_TYPES, readBulkFile } from '../../shared/bulk-body.js';
import { ActionDayListImporter } from './action-day-list.importer.js';

@ApiTags(ACTION_DAY_TAG)
@Controller('api/v1/referrals/action-days')
export class SubmitActionDayListHttpController {
  constructor(
    @Inject(CommandGateway) private readonly commands: CommandGateway,
    @Inject(ActionDayListImporter) private readonly importer: ActionDayListImporter,
  ) {}

  @Post(':actionDayId/list')
  @ApiParam({ name: 'actionDayId', format: 'uuid' })
  @ApiConsumes(CSV_TYPE, ...JSONL_TYPES)
  @ApiBody({ description: 'CSV with a header row (locator,contentKind,basis,unit, optional platform,platformName,caseId,handlerId,evidenceSha256,referredAt,sentAt,channel) or JSON Lines with the same fields.', schema: { type: 'string' } })
  @ApiCommand({
    aggregate: 'action day', scope: Scope.CasesWrite, created: true, result: BulkImportResultDto, mediaTypes: BULK_MEDIA_TYPES,
    summary: 'Refer a whole action day\'s list in one request',
    description: 'Every row is validated first; if any row is invalid the answer is 400 INVALID_ROWS with each row\'s number, line and field, and nothing is recorded. The same file again changes nothing (imported: false); a row already referred by your country changes nothing, one referred by another country makes you a co-referrer.',
  })
  async submit(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('actionDayId') actionDayId: string,
    @Body() body: unknown,
  ): Promise<BulkImportResultDto> {
    const file = readBulkFile(req, body);
    return (await this.commands.idempotent(req, reply, 201, () => this.importer.import(this.commands.metadataFor(req), actionDayId, file))) as BulkImportResultDto;
  }
}

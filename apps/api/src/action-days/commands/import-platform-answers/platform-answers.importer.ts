import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadataWithIssuer } from '../../../commands/command.gateway.js';
import { outcomeCommand } from '../../../referrals/commands/record-outcome/record-outcome.http.controller.js';
import { REFERRAL_AGGREGATE } from '../../../referrals/referral.descriptor.js';
import { locatorKey } from '../../../referrals/shared/locator-key.js';
import type { BulkImportResultDto } from '../../shared/action-day-result.dto.js';
import type { BulkFile } from '../../shared/bulk-body.js';
import { BulkImportService, type PlannedRow } from '../../shared/bulk-import.service.js';
import { validateRow } from '../../shared/row-errors.js';
import { PlatformAnswerRowDto } from './platform-answer-row.dto.js';

/**
 * A platform's answer file (locator → acknowledgement or outcome, with its time), imported like a list:
 * each row becomes the same command the single-referral routes send, for the referral its locator
 * normalises to. Unknown content is a row error (404 REFERRAL_NOT_FOUND from the decider), as is content
 * your country did not refer; an answer already recorded changes nothing.
 */
@Injectable()
export class PlatformAnswersImporter {
  constructor(@Inject(BulkImportService) private readonly bulk: BulkImportService) {}

  import(metadata: CommandMetadataWithIssuer, actionDayId: string, file: BulkFile): Promise<BulkImportResultDto> {
    return this.bulk.importFile({
      actionDayId,
      file,
      fileCommand: { type: 'RecordPlatformAnswers', data: { actionDayId, fileSha256: file.sha256, format: file.format, rows: file.rows.length }, metadata },
      plan: async (_day, errors) => {
        const planned: PlannedRow[] = [];
        for (const { row, line, values } of file.rows) {
          const dto = validateRow(PlatformAnswerRowDto, values, { row, line }, errors);
          if (!dto) continue;
          const { referralId } = locatorKey(dto.locator);
          const command = dto.outcome === 'acknowledged'
            ? { type: 'RecordPlatformAcknowledgement', data: { referralId, acknowledgedAt: dto.at, platformReference: dto.platformReference }, metadata }
            : outcomeCommand(referralId, { ...dto, outcome: dto.outcome }, metadata);
          planned.push({ row, line, steps: [{ aggregate: REFERRAL_AGGREGATE, id: referralId, command, subjectField: 'locator' }] });
        }
        return planned;
      },
    });
  }
}

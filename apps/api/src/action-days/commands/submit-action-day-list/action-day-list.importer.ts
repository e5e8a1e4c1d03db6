import { Inject, Injectable } from '@nestjs/common';
import type { ReferralPlatform } from '@liaison/domain';
import type { CommandMetadataWithIssuer } from '../../../commands/command.gateway.js';
import { referContentCommand } from '../../../referrals/commands/refer-content/refer-content.http.controller.js';
import { REFERRAL_AGGREGATE } from '../../../referrals/referral.descriptor.js';
import { FOLLOW_UP_DAYS } from '../../../referrals/shared/follow-up.config.js';
import { locatorKey } from '../../../referrals/shared/locator-key.js';
import { ReferralLinks } from '../../../referrals/shared/referral-links.js';
import type { BulkImportResultDto } from '../../shared/action-day-result.dto.js';
import type { BulkFile } from '../../shared/bulk-body.js';
import { BulkImportService, type PlannedRow } from '../../shared/bulk-import.service.js';
import { validateRow, type RowError } from '../../shared/row-errors.js';
import { ActionDayListRowDto } from './action-day-list-row.dto.js';

/** A whole action day's list in one request: each row becomes ReferContent (and SendReferralToPlatform with sentAt). */
@Injectable()
export class ActionDayListImporter {
  constructor(
    @Inject(ReferralLinks) private readonly links: ReferralLinks,
    @Inject(BulkImportService) private readonly bulk: BulkImportService,
    @Inject(FOLLOW_UP_DAYS) private readonly followUpDays: Readonly<Record<ReferralPlatform, number>>,
  ) {}

  import(metadata: CommandMetadataWithIssuer, actionDayId: string, file: BulkFile): Promise<BulkImportResultDto> {
    return this.bulk.importFile({
      actionDayId,
      file,
      fileCommand: { type: 'RecordActionDayList', data: { actionDayId, fileSha256: file.sha256, format: file.format, rows: file.rows.length }, metadata },
      plan: async (day, errors) => {
        const planned: PlannedRow[] = [];
        const seen = new Map<string, unknown>();
        for (const at of file.rows) {
          const steps = await this.stepsOf(at, day.platform, actionDayId, metadata, seen, errors);
          if (steps) planned.push({ row: at.row, line: at.line, steps });
        }
        return planned;
      },
    });
  }

  private async stepsOf(
    at: BulkFile['rows'][number], dayPlatform: ReferralPlatform, actionDayId: string, metadata: CommandMetadataWithIssuer,
    seen: Map<string, unknown>, errors: RowError[],
  ): Promise<PlannedRow['steps'] | undefined> {
    const { row, line } = at;
    const dto = validateRow(ActionDayListRowDto, at.values, { row, line }, errors);
    if (!dto) return undefined;
    const problems = await this.links.problems(metadata.actor.country, { caseId: dto.caseId, handlerId: dto.handlerId }, seen);
    for (const p of problems) errors.push({ row, line, field: p.field, messages: [p.message], code: p.code });
    if (problems.length) return undefined;
    const platform = (dto.platform ?? dayPlatform) as ReferralPlatform;
    // A listed item is referred when it is flagged to the platform, unless the row says otherwise.
    const referredAt = dto.referredAt ?? dto.sentAt;
    const { referralId, sha256 } = locatorKey(dto.locator);
    const steps: PlannedRow['steps'] = [{
      aggregate: REFERRAL_AGGREGATE, id: referralId, command: referContentCommand(referralId, sha256, { ...dto, platform, actionDayId, referredAt }, metadata),
    }];
    if (dto.sentAt !== undefined) {
      // Sent already (by a co-referrer, or an earlier list) is not an error: the clock keeps its first start.
      steps.push({
        aggregate: REFERRAL_AGGREGATE, id: referralId, tolerate: ['REFERRAL_ALREADY_SENT'],
        command: { type: 'SendReferralToPlatform', data: { referralId, sentAt: dto.sentAt, channel: dto.channel, followUpDays: this.followUpDays[platform] }, metadata },
      });
    }
    return steps;
  }
}

import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam } from '@nestjs/swagger';
import { Scope } from '../../auth/index.js';
import { ApiCommand } from '../../commands/http/api-command.decorator.js';
import { BulkImportResultDto } from './action-day-result.dto.js';
import { BULK_MEDIA_TYPES, CSV_TYPE, JSONL_TYPES } from './bulk-body.js';

export interface BulkImportDoc {
  summary: string;
  description: string;
  /** The file's columns, for the request body's description. */
  columns: string;
}

/** The contract of an action day's file import: CSV or JSON Lines in, counts out, the command statuses. */
export function ApiBulkImport(doc: BulkImportDoc): MethodDecorator {
  return applyDecorators(
    ApiParam({ name: 'actionDayId', format: 'uuid' }),
    ApiConsumes(CSV_TYPE, ...JSONL_TYPES),
    ApiBody({ description: `CSV with a header row (${doc.columns}) or JSON Lines with the same fields.`, schema: { type: 'string' } }),
    ApiCommand({
      aggregate: 'action day', scope: Scope.CasesWrite, created: true, result: BulkImportResultDto, mediaTypes: BULK_MEDIA_TYPES,
      summary: doc.summary, description: doc.description,
    }),
  );
}

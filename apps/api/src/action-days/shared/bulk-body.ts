import { createHash } from 'node:crypto';
import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandGateway } from '../../commands/command.gateway.js';
import type { BulkImportResultDto } from './action-day-result.dto.js';
import { parse } from 'csv-parse/sync';

export const CSV_TYPE = 'text/csv';
export const JSONL_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'] as const;
export const BULK_MEDIA_TYPES = `${CSV_TYPE} or ${JSONL_TYPES[0]} (JSON Lines)`;
/** More rows than a referral action day has ever had (2,145 on 28 Sep 2023) with room to spare. */
export const MAX_BULK_ROWS = 20_000;

/**
 * Bulk files arrive as text (CSV or JSON Lines) under their own, larger limit
 * (BULK_BODY_LIMIT_BYTES); JSON bodies keep BODY_LIMIT_BYTES. Fastify enforces the limit while reading.
 */
export function acceptBulkBodies(app: NestFastifyApplication, bodyLimit: number): void {
  app.getHttpAdapter().getInstance().addContentTypeParser([CSV_TYPE, ...JSONL_TYPES], { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
}

export interface BulkFile {
  format: 'csv' | 'jsonl';
  /** SHA-256 of the bytes as sent: the same file again is recognised and recorded once. */
  sha256: string;
  rows: { row: number; line: number; values: Record<string, unknown> }[];
}

/** Parses a bulk body; malformed files are a 400 naming the line, a non-bulk media type a 415. */
export function readBulkFile(req: FastifyRequest, body: unknown): BulkFile {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (typeof body !== 'string' || !(type === CSV_TYPE || (JSONL_TYPES as readonly string[]).includes(type))) {
    throw new UnsupportedMediaTypeException({ message: `Send the file as ${BULK_MEDIA_TYPES}` });
  }
  const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
  const rows = type === CSV_TYPE ? csvRows(body) : jsonlRows(body);
  if (rows.length === 0) throw fileError('The file has no rows', 'file');
  if (rows.length > MAX_BULK_ROWS) throw fileError(`At most ${MAX_BULK_ROWS} rows per file, got ${rows.length}`, 'file');
  return { format: type === CSV_TYPE ? 'csv' : 'jsonl', sha256, rows };
}

function csvRows(body: string): BulkFile['rows'] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(body, { columns: (header: string[]) => header.map((h) => h.trim()), bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: false });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw fileError(`Malformed CSV${line ? ` at line ${line}` : ''}: ${(e as { code?: string }).code ?? 'parse error'}`, 'file');
  }
  // Empty cells mean "not given", like an absent JSON field.
  return records.map(({ record, info }, i) => ({
    row: i + 1, line: info.lines, values: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '')),
  }));
}

function jsonlRows(body: string): BulkFile['rows'] {
  const rows: BulkFile['rows'] = [];
  body.split(/\r?\n/).forEach((text, index) => {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw fileError(`Line ${index + 1} is not valid JSON`, 'file');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fileError(`Line ${index + 1} must be a JSON object`, 'file');
    rows.push({ row: rows.length + 1, line: index + 1, values: value as Record<string, unknown> });
  });
  return rows;
}

function fileError(message: string, field: string): BadRequestException {
  return new BadRequestException({ message, code: 'INVALID_FILE', errors: [{ field, messages: [message] }] });
}

export interface ActionDayFileImporter {
  import(metadata: ReturnType<CommandGateway['metadataFor']>, actionDayId: string, file: BulkFile): Promise<BulkImportResultDto>;
}

/** The whole of a file-import route: read the file, then import it once per Idempotency-Key. */
export async function importFileRoute(
  commands: CommandGateway, importer: ActionDayFileImporter, req: FastifyRequest, reply: FastifyReply, actionDayId: string, body: unknown,
): Promise<BulkImportResultDto> {
  const file = readBulkFile(req, body);
  return (await commands.idempotent(req, reply, 201, () => importer.import(commands.metadataFor(req), actionDayId, file))) as BulkImportResultDto;
}

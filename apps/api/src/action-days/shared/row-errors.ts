import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export interface RowError {
  /** 1-based data row (the CSV header is not a row). */
  row: number;
  /** Line in the file, for editors. */
  line: number;
  field: string;
  messages: string[];
  code?: string;
}

/** Validates one row against a DTO class exactly as the JSON routes validate bodies (unknown columns are errors). */
export function validateRow<T extends object>(dto: new () => T, values: Record<string, unknown>, at: { row: number; line: number }, errors: RowError[]): T | undefined {
  const instance = plainToInstance(dto, values);
  const problems = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  for (const p of problems) errors.push({ ...at, field: p.property, messages: Object.values(p.constraints ?? { invalid: `${p.property} is invalid` }) });
  return problems.length ? undefined : instance;
}

/** Nothing is recorded when any row is invalid: one 400 lists every row's problems (the first 1,000). */
export function rejectRows(errors: RowError[], rows: number): BadRequestException {
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  return new BadRequestException({
    message: `${invalidRows} of ${rows} rows are invalid; nothing was recorded`,
    code: 'INVALID_ROWS',
    errors: errors.slice(0, 1000),
  });
}

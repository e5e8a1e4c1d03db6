import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { FieldsClass } from '@liaison/projections';

export const PURPOSE_MIN = 3;
export const PURPOSE_MAX = 500;

/**
 * The justification LED Art. 25 asks for: `X-Purpose` header, else the `purpose` query parameter
 * (use the parameter for text outside Latin-1: HTTP headers cannot carry it). Required for personal
 * data; optional, but recorded when given, for aggregates. Never echoed in errors or logs.
 */
export function purposeOf(req: FastifyRequest, fields: FieldsClass): string | null {
  const header = req.headers['x-purpose'];
  const query = (req.query as Record<string, unknown> | undefined)?.purpose;
  const raw = (Array.isArray(header) ? header[0] : header) ?? (typeof query === 'string' ? query : undefined);
  if (raw === undefined || raw.trim() === '') {
    if (fields === 'personal') throw invalid('A purpose is required to read case or personal data: send X-Purpose or ?purpose=', 'PURPOSE_REQUIRED');
    return null;
  }
  const text = raw.trim();
  if (text.length < PURPOSE_MIN || text.length > PURPOSE_MAX) {
    throw invalid(`purpose must be ${PURPOSE_MIN}-${PURPOSE_MAX} characters`, 'PURPOSE_INVALID');
  }
  return text;
}

function invalid(message: string, code: string): BadRequestException {
  return new BadRequestException({ message, code, errors: [{ field: 'purpose', messages: [message] }] });
}

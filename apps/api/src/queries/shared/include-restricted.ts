import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Scope } from '../../auth/index.js';
import { purposeOf } from '../../access/purpose.js';
import { FlagFilter } from './flag-query.js';

/** The query parameter that asks for restricted persons too (LED Art. 16(3)). */
export const IncludeRestricted = (): PropertyDecorator => FlagFilter(
  'Also list persons whose processing is restricted (LED Art. 16(3)), each marked with `restriction`. Needs the audit:read scope '
  + 'or a stated purpose (X-Purpose / purpose), which the access log records with the read. Default: left out of lists and counts.',
);

/**
 * `true` when the read asked for restricted persons and may have them, else undefined (so the access
 * record's params stay what they were before restriction existed). Without audit:read, the purpose
 * that every personal read states anyway is what justifies it; an aggregate read must state one for it.
 */
export function includeRestricted(req: FastifyRequest, asked: boolean | undefined): true | undefined {
  if (asked !== true) return undefined;
  if (req.principal?.scopes.has(Scope.AuditRead)) return true;
  if (purposeOf(req, 'aggregate') !== null) return true;
  const message = 'includeRestricted needs the audit:read scope or a stated purpose: send X-Purpose or ?purpose=';
  throw new BadRequestException({ message, code: 'PURPOSE_REQUIRED', errors: [{ field: 'purpose', messages: [message] }] });
}

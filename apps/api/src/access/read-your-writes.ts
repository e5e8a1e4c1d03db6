import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ProjectionsReader } from '../runtime/worker/projections-reader.js';

const MAX_WAIT_MS = 2000;

/**
 * A command's response carries its global position; a query given that position (`?minPosition=` or
 * `X-Min-Position`) waits briefly for the read models to reach it, and otherwise answers 503 with
 * Retry-After rather than an answer that silently misses the caller's own write.
 */
export async function awaitMinPosition(req: FastifyRequest, runner: ProjectionsReader): Promise<void> {
  const raw = (req.query as Record<string, unknown> | undefined)?.minPosition ?? req.headers['x-min-position'];
  if (raw !== undefined) {
    const text = Array.isArray(raw) ? String(raw[0]) : String(raw);
    if (!/^\d{1,19}$/.test(text)) {
      throw new BadRequestException({ message: 'minPosition must be a global position', errors: [{ field: 'minPosition', messages: ['must be a non-negative integer'] }] });
    }
    const ok = await runner.waitForPosition(BigInt(text), MAX_WAIT_MS);
    if (!ok) {
      throw new HttpException(
        { message: 'Read models have not reached the requested position yet; retry shortly', code: 'READ_MODEL_BEHIND', headers: { 'retry-after': '1' } },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }
}

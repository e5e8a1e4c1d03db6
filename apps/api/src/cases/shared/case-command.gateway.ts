import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, Logger, UnprocessableEntityException } from '@nestjs/common';
import { classifyStorageError } from '@liaison/event-store';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CaseCommand, CommandMetadata } from '@liaison/domain';
import type { Principal } from '../../auth/auth.types.js';
import { CLOCK } from '../../common/clock.js';
import type { Clock } from '../../common/clock.js';
import { ExecuteCaseCommand } from './execute-case-command.handler.js';
import type { CaseCommandResult } from './execute-case-command.handler.js';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency.store.js';
import { DISK_RESERVE, type DiskReserve } from '../../operations/disk-reserve.js';

type Metadata = CommandMetadata & { issuer: string };
export type BuildCommand = (metadata: Metadata) => CaseCommand;

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The transport glue every case use case shares: command metadata from the verified principal and
 * the clock, If-Match → pinned revision, Idempotency-Key → first answer replayed.
 */
@Injectable()
export class CaseCommandGateway {
  private readonly inFlight = new Map<string, Promise<{ status: number; body: string }>>();
  private readonly logger = new Logger('commands');

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(DISK_RESERVE) private readonly reserve: DiskReserve,
  ) {}

  async execute(req: FastifyRequest, reply: FastifyReply, caseId: string, build: BuildCommand, status = 200): Promise<CaseCommandResult> {
    // Before anything is read or decided: the last space under DATA_DIR is kept for access records,
    // checkpoints and read models (ADR 11). An idempotent replay is refused too; it is a retry anyway.
    this.reserve.assertRoomForCommand();
    const principal = (req as FastifyRequest & { principal: Principal }).principal;
    const expectedRevision = parseIfMatch(req.headers['if-match']);
    const key = idempotencyKey(req.headers['idempotency-key'], principal);
    const run = async () => {
      const metadata: Metadata = {
        actor: { id: principal.subject, country: principal.country },
        issuer: principal.issuer,
        now: this.clock().toISOString(),
        correlationId: headerId(req.headers['x-correlation-id']) ?? randomUUID(),
        causationId: randomUUID(),
      };
      return this.commandBus.execute(new ExecuteCaseCommand(caseId, build(metadata), expectedRevision));
    };
    if (!key) {
      const result = await run();
      void reply.status(status).header('etag', `"${result.revision}"`);
      return result;
    }
    // With a key the answer is stored as text and replayed from it, first time and every retry alike.
    const answer = await this.once(key, fingerprint(req), async () => ({ status, body: JSON.stringify(await run()) }));
    const result = JSON.parse(answer.body) as CaseCommandResult;
    void reply.status(answer.status).header('etag', `"${result.revision}"`);
    return result;
  }

  private async once(key: string, print: string, run: () => Promise<{ status: number; body: string }>) {
    const stored = this.idempotency.get(key) ?? (await this.inFlight.get(key)?.then(() => this.idempotency.get(key), () => undefined));
    if (stored) {
      if (stored.fingerprint !== print) {
        throw new UnprocessableEntityException({ message: 'Idempotency-Key was already used for a different request', code: 'IDEMPOTENCY_KEY_REUSED' });
      }
      return stored;
    }
    const pending = run().then((answer) => {
      try {
        this.idempotency.put(key, { fingerprint: print, ...answer }, this.clock());
      } catch (e) {
        // The events are durable: answering 503 would make the client retry a command that was recorded.
        // The key is just not remembered (a full disk); a retry with it would run the command again.
        if (!classifyStorageError(e)) throw e;
        this.logger.warn({ msg: 'idempotency key not stored', code: classifyStorageError(e)?.code });
      }
      return answer;
    });
    this.inFlight.set(key, pending);
    try {
      return await pending;
    } finally {
      this.inFlight.delete(key);
    }
  }
}

function parseIfMatch(header: string | string[] | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  if (!match) throw new BadRequestException({ message: 'If-Match must be a stream revision such as "3"', errors: [{ field: 'If-Match', messages: ['must be a revision number'] }] });
  return BigInt(match[1]);
}

function idempotencyKey(header: string | string[] | undefined, principal: Principal): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (!SAFE_ID.test(value)) {
    throw new BadRequestException({ message: 'Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 . _ : -', errors: [{ field: 'Idempotency-Key', messages: ['invalid format'] }] });
  }
  // Scoped to the officer: two officers can never collide on, or replay, each other's keys.
  return `${principal.issuer} ${principal.subject} ${value}`;
}

function fingerprint(req: FastifyRequest): string {
  return createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('base64url');
}

function headerId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : undefined;
}


import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, Logger, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandMetadata } from '@liaison/domain';
import { classifyStorageError } from '@liaison/event-store';
import type { Principal } from '../auth/auth.types.js';
import { CLOCK } from '../common/clock.js';
import type { Clock } from '../common/clock.js';
import type { AggregateDescriptor, IdentifiedResult } from './aggregate-descriptor.js';
import { ExecuteCommand } from './execute-command.handler.js';
import { IDEMPOTENCY_STORE, type HeldKey, type IdempotencyKeys, type StoredResponse } from './idempotency-keys.js';
import { DISK_RESERVE, type DiskReserve } from '../operations/disk-reserve.js';

export type CommandMetadataWithIssuer = CommandMetadata & { issuer: string };
type Metadata = CommandMetadataWithIssuer;
export type BuildCommand<C> = (metadata: Metadata) => C;

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The transport glue every use case of every aggregate shares: command metadata from the verified
 * principal and the clock, If-Match → pinned revision, Idempotency-Key → first answer replayed.
 */
@Injectable()
export class CommandGateway {
  private readonly inFlight = new Map<string, Promise<StoredResponse>>();
  private readonly logger = new Logger('commands');

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyKeys,
    @Inject(DISK_RESERVE) private readonly reserve: DiskReserve,
  ) {}

  async execute<C extends { type: string; metadata: CommandMetadata }, Id extends string>(
    req: FastifyRequest, reply: FastifyReply, aggregate: AggregateDescriptor<C> & { idField: Id }, id: string, build: NoInfer<BuildCommand<C>>, status = 200,
  ): Promise<IdentifiedResult<Id>> {
    const expectedRevision = parseIfMatch(req.headers['if-match']);
    const run = async (): Promise<IdentifiedResult<Id>> => {
      const command = build(this.metadataFor(req));
      const result = await this.commandBus.execute(new ExecuteCommand(aggregate, id, command, expectedRevision));
      return { [aggregate.idField]: id, ...result } as IdentifiedResult<Id>;
    };
    // With a key the answer is stored as text and replayed from it, first time and every retry alike.
    const result = (await this.idempotent(req, reply, status, run)) as IdentifiedResult<Id>;
    void reply.header('etag', `"${result.revision}"`);
    return result;
  }

  /** Who acts, when, and in which conversation: from the verified token, the clock and the request. */
  metadataFor(req: FastifyRequest): Metadata {
    const principal = (req as FastifyRequest & { principal: Principal }).principal;
    return {
      actor: { id: principal.subject, country: principal.country },
      issuer: principal.issuer,
      now: this.clock().toISOString(),
      correlationId: headerId(req.headers['x-correlation-id']) ?? randomUUID(),
      causationId: randomUUID(),
    };
  }

  /**
   * Runs `run` at most once per Idempotency-Key of this officer (answer replayed afterwards, 422 when the
   * key comes back with another request). Without a key it just runs. For routes whose work is not one
   * command on one stream (bulk imports), so they keep the same retry contract.
   */
  async idempotent(req: FastifyRequest, reply: FastifyReply, status: number, run: () => Promise<unknown>): Promise<unknown> {
    // Before anything is read or decided: the last space under DATA_DIR is kept for access records,
    // checkpoints and read models (ADR 13). An idempotent replay is refused too; it is a retry anyway.
    this.reserve.assertRoomForCommand();
    const principal = (req as FastifyRequest & { principal: Principal }).principal;
    const key = idempotencyKey(req.headers['idempotency-key'], principal);
    if (!key) {
      const body = await run();
      void reply.status(status);
      return body;
    }
    const answer = await this.once(key, fingerprint(req), async () => ({ status, body: JSON.stringify(await run()) }));
    void reply.status(answer.status);
    return JSON.parse(answer.body) as unknown;
  }

  private async once(key: string, print: string, run: () => Promise<{ status: number; body: string }>) {
    // Same key twice in this process: the later one waits for the earlier (then finds its answer).
    // Checked and set with no await in between, so two arrivals cannot both start.
    for (let previous = this.inFlight.get(key); previous; previous = this.inFlight.get(key)) await previous.catch(() => undefined);
    const attempt = this.claimAndRun(key, print, run);
    this.inFlight.set(key, attempt);
    try {
      return await attempt;
    } finally {
      if (this.inFlight.get(key) === attempt) this.inFlight.delete(key);
    }
  }

  private async claimAndRun(key: string, print: string, run: () => Promise<{ status: number; body: string }>): Promise<StoredResponse> {
    const held = await this.claim(key, print);
    if (!('key' in held)) return held;
    let answer: { status: number; body: string };
    try {
      answer = await run();
    } catch (e) {
      await this.idempotency.release(held, this.clock()).catch(() => undefined);
      throw e;
    }
    try {
      await this.idempotency.answer(held, { fingerprint: print, ...answer }, this.clock());
    } catch (e) {
      // The events are durable: answering 503 would make the client retry a command that was recorded.
      // The key is just not remembered (a full disk); a retry with it would run the command again.
      if (!classifyStorageError(e)) throw e;
      this.logger.warn({ msg: 'idempotency key not stored', code: classifyStorageError(e)?.code });
    }
    return { fingerprint: print, ...answer };
  }

  /**
   * The stored answer, or the key held by this process. While another replica holds it, asks again
   * until that replica answers (replayed here) or releases it (then this one runs the command).
   */
  private async claim(key: string, print: string): Promise<StoredResponse | HeldKey> {
    const deadline = performance.now() + OTHER_REPLICA_WAIT_MS;
    for (;;) {
      const claimed = await this.idempotency.claim(key, print, this.clock());
      if (claimed.kind === 'answered') return sameRequest(claimed.stored, print);
      if (claimed.kind === 'held') return claimed.held;
      if (claimed.fingerprint !== print) throw keyReused();
      if (performance.now() > deadline) {
        throw new ConflictException({ message: 'A request with this Idempotency-Key is still being processed; retry shortly.', code: 'IDEMPOTENCY_KEY_IN_USE' });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** How long a request waits for another replica that holds its key before answering 409. */
const OTHER_REPLICA_WAIT_MS = 5_000;

function sameRequest(stored: StoredResponse, print: string): StoredResponse {
  if (stored.fingerprint !== print) throw keyReused();
  return stored;
}

const keyReused = () => new UnprocessableEntityException({ message: 'Idempotency-Key was already used for a different request', code: 'IDEMPOTENCY_KEY_REUSED' });

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


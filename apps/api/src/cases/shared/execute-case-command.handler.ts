import { ConflictException, ForbiddenException, Inject, NotFoundException, PreconditionFailedException, UnprocessableEntityException } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { Command } from '@nestjs/cqrs';
import { CaseAccessDenied, CaseNotFound, DomainError, caseDecider, caseStreamId } from '@liaison/domain';
import type { CaseCommand, CommandMetadata } from '@liaison/domain';
import { KeyedQueue, StateCache, WrongExpectedVersion, handleCommand } from '@liaison/event-store';
import type { EventStore } from '@liaison/event-store';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';

export interface CaseCommandResult {
  caseId: string;
  /** Stream revision after the command (the value for a later If-Match). */
  revision: number;
  /** Global position of the last event written; null when the command changed nothing. */
  position: string | null;
  events: string[];
}

export class ExecuteCaseCommand extends Command<CaseCommandResult> {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly expectedRevision: bigint | undefined,
  ) {
    super();
  }
}

const RACE_RETRIES = 4;

/** Transport only: every case use case goes through the one shared handleCommand. */
@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CaseCommandResult> {
  // Folded case states: a command on a long case reads only what was appended since.
  private readonly cache = new StateCache<unknown>(10_000);
  // Commands on one case run one after another: concurrent officers on a case never see a 409.
  private readonly queue = new KeyedQueue();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, command, expectedRevision }: ExecuteCaseCommand): Promise<CaseCommandResult> {
    try {
      const result = await handleCommand(this.store, caseStreamId(caseId), command, caseDecider, {
        expectedRevision,
        retries: RACE_RETRIES,
        cache: this.cache,
        queue: this.queue,
        chain: true,
        metadata: eventMetadata(command.metadata),
      });
      return {
        caseId,
        revision: result.nextExpectedRevision === undefined ? -1 : Number(result.nextExpectedRevision),
        position: result.position === undefined ? null : result.position.toString(),
        events: result.events.map((e) => e.type),
      };
    } catch (error: unknown) {
      throw toHttpError(error, expectedRevision !== undefined);
    }
  }
}

function eventMetadata(m: CommandMetadata & { issuer?: string }) {
  return {
    actor: m.actor.id,
    country: m.actor.country,
    ...(m.issuer ? { issuer: m.issuer } : {}),
    correlationId: m.correlationId,
    causationId: m.causationId,
    occurredAt: m.now,
  };
}

function toHttpError(error: unknown, pinned: boolean): unknown {
  if (error instanceof CaseNotFound) return new NotFoundException({ message: error.message, code: error.code });
  if (error instanceof CaseAccessDenied) return new ForbiddenException({ message: error.message, code: error.code });
  if (error instanceof DomainError) {
    return new UnprocessableEntityException({ message: error.message, code: error.code, ...(error.field ? { errors: [{ field: error.field, messages: [error.message] }] } : {}) });
  }
  if (error instanceof WrongExpectedVersion) {
    const actual = error.actual === undefined ? null : Number(error.actual);
    return pinned
      ? new PreconditionFailedException({ message: `If-Match revision ${String(error.expected)} is stale; the case is at revision ${actual}`, code: 'REVISION_MISMATCH' })
      : new ConflictException({ message: 'The case changed concurrently too many times; retry the command', code: 'CONCURRENT_MODIFICATION' });
  }
  return error;
}

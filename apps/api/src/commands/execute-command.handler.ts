import { ConflictException, ForbiddenException, Inject, NotFoundException, PreconditionFailedException, UnprocessableEntityException } from '@nestjs/common';
import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { AccessDenied, AggregateNotFound, CommandRejected, DomainError } from '@liaison/domain';
import type { CommandMetadata } from '@liaison/domain';
import { KeyedQueue, PrivateEventStore, StateCache, SubjectErased, WrongExpectedVersion, handleCommands } from '@liaison/event-store';
import type { EventStore, KnownState } from '@liaison/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider.js';
import type { AggregateDescriptor, CommandResult } from './aggregate-descriptor.js';
import { COMMAND_STATES } from './command-states.js';

type AnyCommand = { type: string; metadata: CommandMetadata };

/** One of several commands on one stream; `tolerate` lists refusal codes that mean "already done" (left out, not an error). */
export interface CommandStep {
  command: AnyCommand;
  tolerate?: readonly string[];
}

/** A command's answer, plus the event types each step decided when several ran as one (ExecuteCommand.steps). */
export type StepsResult = CommandResult & { eventsByStep: string[][] };

export class ExecuteCommand extends Command<CommandResult> {
  readonly steps: readonly CommandStep[];
  constructor(
    readonly aggregate: AggregateDescriptor,
    readonly id: string,
    command: AnyCommand,
    readonly expectedRevision: bigint | undefined,
    /** The stream as the caller has just read it (bulk imports check every row first): spares a second read. */
    readonly known?: KnownState<unknown>,
    more: readonly CommandStep[] = [],
  ) {
    super();
    this.steps = [{ command }, ...more];
  }

  /** Several commands on one stream decided in turn and appended together (bulk imports: one append per item). */
  static steps(aggregate: AggregateDescriptor, id: string, steps: readonly CommandStep[], known?: KnownState<unknown>): ExecuteCommand {
    return new ExecuteCommand(aggregate, id, steps[0].command, undefined, known, steps.slice(1));
  }
}

const RACE_RETRIES = 4;

/** Transport only: every use case of every aggregate goes through the one shared handleCommand. */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandResult> {
  // Commands on one stream run one after another: concurrent officers on it never see a 409.
  private readonly queue = new KeyedQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    // Folded states by stream: a command on a long stream reads only what was appended since.
    @Inject(COMMAND_STATES) private readonly cache: StateCache<unknown>,
  ) {}

  async execute({ aggregate, id, steps, expectedRevision, known }: ExecuteCommand): Promise<CommandResult | StepsResult> {
    try {
      const result = await handleCommands(this.store, aggregate.streamId(id), steps.map((s) => s.command), aggregate.decider, {
        expectedRevision,
        retries: RACE_RETRIES,
        cache: this.cache,
        queue: this.queue,
        chain: true,
        seal: this.store instanceof PrivateEventStore ? (events) => (this.store as PrivateEventStore).seal(events) : undefined,
        known,
        tolerate: (i, refusal) => refusal instanceof CommandRejected && (steps[i].tolerate?.includes(refusal.code) ?? false),
        // Every step is the same request's: the first one's metadata speaks for all.
        metadata: eventMetadata(steps[0].command.metadata),
      });
      const answer: CommandResult = {
        revision: result.nextExpectedRevision === undefined ? -1 : Number(result.nextExpectedRevision),
        position: result.position === undefined ? null : result.position.toString(),
        events: result.events.map((e) => e.type),
      };
      return steps.length === 1 ? answer : { ...answer, eventsByStep: result.eventsByCommand.map((es) => es.map((e) => e.type)) };
    } catch (error: unknown) {
      throw toHttpError(error, aggregate.name, expectedRevision !== undefined);
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

/** The domain's rejections by family (each aggregate's not-found and denial extend the shared bases). */
export function toHttpError(error: unknown, aggregate: string, pinned: boolean): unknown {
  if (error instanceof AggregateNotFound) return new NotFoundException({ message: error.message, code: error.code });
  if (error instanceof AccessDenied) return new ForbiddenException({ message: error.message, code: error.code });
  if (error instanceof DomainError) {
    return new UnprocessableEntityException({ message: error.message, code: error.code, ...(error.field ? { errors: [{ field: error.field, messages: [error.message] }] } : {}) });
  }
  // The key store's last line of defence (ADR 19): a command would have written an erased subject's data.
  if (error instanceof SubjectErased) return new UnprocessableEntityException({ message: error.message, code: 'SUBJECT_ERASED' });
  if (error instanceof WrongExpectedVersion) {
    const actual = error.actual === undefined ? null : Number(error.actual);
    return pinned
      ? new PreconditionFailedException({ message: `If-Match revision ${String(error.expected)} is stale; the ${aggregate} is at revision ${actual}`, code: 'REVISION_MISMATCH' })
      : new ConflictException({ message: `The ${aggregate} changed concurrently too many times; retry the command`, code: 'CONCURRENT_MODIFICATION' });
  }
  return error;
}

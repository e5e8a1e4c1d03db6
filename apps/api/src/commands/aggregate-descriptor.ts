import type { CommandMetadata } from '@liaison/domain';
import type { Decider, JsonObject } from '@liaison/event-store';

/**
 * What the one command path needs to know about an aggregate: where its stream lives, which pure
 * decider runs it, and the name of its id in answers. Each aggregate declares one beside its module
 * (cases/case.descriptor.ts, referrals/referral.descriptor.ts); nothing in commands/ names one.
 */
export interface AggregateDescriptor<Command extends { type: string; metadata: CommandMetadata } = { type: string; metadata: CommandMetadata }> {
  /** Short name for logs and errors ('case', 'referral'). */
  readonly name: string;
  /** The id's field name in every answer ('caseId', 'referralId'). */
  readonly idField: string;
  streamId(id: string): string;
  // The decider's State and Event types stay private to the aggregate.
  readonly decider: ErasedDecider<Command>;
}

type StoredEvent = { type: string; data: JsonObject };

/**
 * A decider seen from the command path. Method syntax on purpose: its parameters compare bivariantly,
 * so a descriptor of referral commands can stand where "some aggregate's descriptor" is expected (the
 * bulk importer's steps mix aggregates); each descriptor still only ever receives its own commands.
 */
interface ErasedDecider<Command> {
  initialState(): unknown;
  evolve(state: unknown, event: StoredEvent): unknown;
  fold?(state: unknown, events: readonly StoredEvent[]): unknown;
  decide(command: Command, state: unknown): StoredEvent[];
}

/** What every command answers; the id is named by the descriptor's idField. */
export interface CommandResult {
  /** Stream revision after the command (the value for a later If-Match); -1 when the stream is still empty. */
  revision: number;
  /** Global position of the last event written; null when the command changed nothing. */
  position: string | null;
  events: string[];
}

export type IdentifiedResult<Id extends string> = CommandResult & Record<Id, string>;

/**
 * Declares an aggregate for the command path. The decider's State and Event types are the aggregate's
 * own business: the command path only passes them between the store and the decider, so they are
 * erased here, once, instead of at every call.
 */
export function aggregateDescriptor<C extends { type: string; metadata: CommandMetadata }, S, E extends { type: string; data: JsonObject }, Id extends string>(
  descriptor: { name: string; idField: Id; streamId(id: string): string; decider: Decider<C, S, E> },
): AggregateDescriptor<C> & { idField: Id } {
  return descriptor as unknown as AggregateDescriptor<C> & { idField: Id };
}

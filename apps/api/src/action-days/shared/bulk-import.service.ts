import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandRejected, actionDayDecider, actionDayStreamId } from '@liaison/domain';
import type { ActionDayCommand, ActionDayState, CommandMetadata } from '@liaison/domain';
import { readState } from '@liaison/event-store';
import type { EventStore, KnownState } from '@liaison/event-store';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';
import type { AggregateDescriptor } from '../../commands/aggregate-descriptor.js';
import { ExecuteCommand, toHttpError, type StepsResult } from '../../commands/execute-command.handler.js';
import { ACTION_DAY_AGGREGATE } from '../action-day.descriptor.js';
import type { BulkImportResultDto } from './action-day-result.dto.js';
import type { BulkFile } from './bulk-body.js';
import { rejectRows, type RowError } from './row-errors.js';

type PlannedDay = Extract<ActionDayState, { exists: true }>;

export interface ActionDayFile {
  actionDayId: string;
  file: BulkFile;
  /** The day's record of this file (RecordActionDayList / RecordPlatformAnswers). */
  fileCommand: ActionDayCommand;
  /** Turns the file's rows into commands, adding to `errors` for rows that fail validation or links. */
  plan(day: PlannedDay, errors: RowError[]): Promise<PlannedRow[]>;
}

const READ_CONCURRENCY = 32;

type AnyCommand = { type: string; data?: unknown; metadata: CommandMetadata };

export interface Step {
  aggregate: AggregateDescriptor;
  id: string;
  command: AnyCommand;
  /** The row field a refusal without its own field is about (e.g. 'locator' for a referral that does not exist). */
  subjectField?: string;
  /** Refusal codes that mean "already done" for this step (e.g. REFERRAL_ALREADY_SENT by a co-referrer): skipped, not an error. */
  tolerate?: readonly string[];
}

export interface PlannedRow {
  row: number;
  line: number;
  steps: Step[];
}

export interface BulkOutcome {
  /** Events recorded, by type (e.g. { ContentReferred: 2140, CoReferrerJoined: 5 }). */
  recorded: Record<string, number>;
  /** Rows whose commands all changed nothing (already recorded: a re-submission, or a repeated line). */
  unchangedRows: number;
  /** Highest global position written, for X-Min-Position; null when nothing was written. */
  position: string | null;
}

/**
 * All or nothing for a file's rows, as far as an event store without multi-stream transactions allows:
 * every row's commands are first decided against the current state of their streams (rows of the same
 * stream folded in file order, so a repeated locator is seen as such), and only when every row passes
 * is anything appended. Then each stream's commands run through the normal command path, streams in
 * parallel (the embedded store group-commits them). A crash midway leaves a prefix of rows recorded;
 * sending the same file again records the rest, since rows already recorded decide to nothing.
 */
@Injectable()
export class BulkImportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CommandBus) private readonly bus: CommandBus,
  ) {}

  /**
   * The day decides first (404 / 403 for the whole file, and a file it already has changes nothing),
   * then every row is checked, then all are recorded, and the file last: after a crash midway the
   * same file is not yet known to the day and can simply be sent again.
   */
  async importFile({ actionDayId, file, fileCommand, plan }: ActionDayFile): Promise<BulkImportResultDto> {
    const day = await readState(this.store, actionDayStreamId(actionDayId), actionDayDecider, actionDayDecider.initialState());
    let dayEvents: unknown[];
    try {
      dayEvents = actionDayDecider.decide(fileCommand, day.state);
    } catch (e) {
      throw toHttpError(e, 'action day', false);
    }
    const summary = { actionDayId, fileSha256: file.sha256, rows: file.rows.length };
    if (dayEvents.length === 0 || !day.state.exists) return { ...summary, imported: false, recorded: {}, unchangedRows: file.rows.length, position: null };
    const errors: RowError[] = [];
    const planned = await plan(day.state, errors);
    const read = await this.check(planned, errors, file.rows.length);
    const outcome = await this.execute(planned, read);
    const recordedFile = await this.bus.execute(new ExecuteCommand(ACTION_DAY_AGGREGATE, actionDayId, fileCommand, undefined));
    return { ...summary, imported: true, ...outcome, position: recordedFile.position ?? outcome.position };
  }

  /**
   * Throws the 400 listing every row the domain would refuse (with `errors` already found by the caller);
   * else resolves with each stream's state as read, for execute() to start from.
   */
  async check(rows: PlannedRow[], errors: RowError[], totalRows: number): Promise<Map<string, KnownState<unknown>>> {
    const read = await this.currentStates(rows.flatMap((r) => r.steps));
    const states = new Map([...read].map(([stream, k]) => [stream, k.state]));
    for (const { row, line, steps } of rows) {
      for (const step of steps) {
        const stream = step.aggregate.streamId(step.id);
        const decider = step.aggregate.decider;
        try {
          const events = decider.decide(step.command, states.get(stream));
          states.set(stream, events.reduce(decider.evolve, states.get(stream)));
        } catch (e) {
          if (!(e instanceof CommandRejected)) throw e;
          if (step.tolerate?.includes(e.code)) continue;
          errors.push({ row, line, field: (e as { field?: string }).field ?? step.subjectField ?? 'row', messages: [e.message], code: e.code });
          break;
        }
      }
    }
    if (errors.length) throw rejectRows(errors, totalRows);
    return read;
  }

  /**
   * Every stream's current state, READ_CONCURRENCY reads at a time: one after another, a 2,145-row
   * list on EventStoreDB waited for 2,145 round trips before deciding anything.
   */
  private async currentStates(steps: Step[]): Promise<Map<string, KnownState<unknown>>> {
    const byStream = new Map(steps.map((s) => [s.aggregate.streamId(s.id), s.aggregate.decider] as const));
    const streams = [...byStream.keys()];
    const states = new Map<string, KnownState<unknown>>();
    let next = 0;
    const reader = async () => {
      while (next < streams.length) {
        const stream = streams[next++];
        const decider = byStream.get(stream)!;
        states.set(stream, await readState(this.store, stream, decider, decider.initialState()));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, streams.length) }, reader));
    return states;
  }

  async execute(rows: PlannedRow[], read: ReadonlyMap<string, KnownState<unknown>>): Promise<BulkOutcome> {
    const byStream = new Map<string, Step[]>();
    for (const step of rows.flatMap((r) => r.steps)) {
      const stream = step.aggregate.streamId(step.id);
      const steps = byStream.get(stream);
      if (steps) steps.push(step);
      else byStream.set(stream, [step]);
    }
    const decided = new Map<Step, string[]>();
    let position: bigint | null = null;
    // Each stream's commands (an item's "refer" and "mark sent", a repeated line's) are one append,
    // starting from the state the check read instead of reading it again; the append's expected
    // revision still proves that state current (a writer in between means a re-read).
    await Promise.all([...byStream].map(async ([stream, steps]) => {
      const result = (await this.bus.execute(ExecuteCommand.steps(steps[0].aggregate, steps[0].id, steps, read.get(stream)))) as Partial<StepsResult>;
      steps.forEach((s, i) => decided.set(s, result.eventsByStep?.[i] ?? result.events ?? []));
      if (result.position != null && (position === null || BigInt(result.position) > position)) position = BigInt(result.position);
    }));
    const recorded: Record<string, number> = {};
    for (const types of decided.values()) for (const type of types) recorded[type] = (recorded[type] ?? 0) + 1;
    const unchangedRows = rows.filter((r) => r.steps.every((s) => decided.get(s)?.length === 0)).length;
    return { recorded, unchangedRows, position: position === null ? null : (position as bigint).toString() };
  }
}

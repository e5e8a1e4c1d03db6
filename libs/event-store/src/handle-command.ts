import { newEventId } from './event-id.js';
import type { EventStore, JsonObject, RecordedEvent } from './event-store.port.js';
import { StreamNotFound, WrongExpectedVersion } from './event-store.errors.js';
import type { StateCache } from './state-cache.js';
import type { KeyedQueue } from './keyed-queue.js';
import { chainEvents, lastHashOf } from './hash-chain.js';

/** Structural twin of the domain's decider, so this library never imports the domain. */
export interface Decider<Command, State, Event extends { type: string; data: JsonObject }> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Many events at once, when the decider can do that faster than one evolve after another. */
  fold?: (state: State, events: readonly Event[]) => State;
  decide: (command: Command, state: State) => Event[];
}

export interface HandleCommandOptions {
  /** Pin the revision the client saw (If-Match). No retry: a mismatch is the caller's conflict. */
  expectedRevision?: bigint;
  /** Re-read and re-decide this many times when another writer won the race. */
  retries?: number;
  /** Stamped onto every produced event. */
  metadata: JsonObject;
  /** Optional fold cache; see StateCache for why it cannot serve stale state. */
  cache?: StateCache<unknown>;
  /**
   * Stamp each event's metadata with `chain: { prev, hash }` linking it to the stream's previous
   * event (see hash-chain.ts). Opt-in so generic callers keep their metadata exactly as given.
   */
  chain?: boolean;
  /**
   * Encrypts the events' personal fields once their ids are fixed and before they are chained, so the
   * chain hashes ciphertext and still verifies after a key is destroyed (ADR 19; PrivateEventStore.seal).
   * Deciders and the state cache only ever see plaintext.
   */
  seal?: <E extends { id: string; type: string; data: JsonObject }>(events: readonly E[]) => Promise<E[]>;
  /** Commands on one stream wait for each other here instead of racing (see KeyedQueue). */
  queue?: KeyedQueue;
  /**
   * The stream's state as the caller has just read it (readState), so the first attempt need not read
   * it again. Trusted like a cache hit: the append's expected revision proves it current, and anything
   * it might have got wrong (a conflict, a refusal, a no-op) is confirmed against the store first.
   */
  known?: KnownState<unknown>;
}

/** handleCommands only: which refusals mean "already done" for the command at `index` (left out, not an error). */
export interface HandleCommandsOptions extends HandleCommandOptions {
  tolerate?: (index: number, refusal: unknown) => boolean;
}

/** What readState returned for a stream: its folded state, revision (undefined: no stream) and last hash. */
export interface KnownState<State> {
  state: State;
  revision: bigint | undefined;
  hash?: string | null;
}

export interface HandleCommandResult<State> {
  streamId: string;
  /** Revision after the append; unchanged when the command produced no events. */
  nextExpectedRevision: bigint | undefined;
  /** Global position of the last appended event; undefined when nothing was appended. */
  position: bigint | undefined;
  newState: State;
  events: { type: string; data: JsonObject }[];
}

/** handleCommands' answer: as handleCommand's, plus the events each command decided (a tolerated one decided none). */
export interface HandleCommandsResult<State> extends HandleCommandResult<State> {
  eventsByCommand: { type: string; data: JsonObject }[][];
}

type Folding<State, Event extends { type: string; data: JsonObject }> = Pick<Decider<unknown, State, Event>, 'evolve' | 'fold'>;

function foldAll<State, Event extends { type: string; data: JsonObject }>(decider: Folding<State, Event>, state: State, events: readonly Event[]): State {
  return decider.fold ? decider.fold(state, events) : events.reduce(decider.evolve, state);
}

/** `hash` is the last event's chain hash (null when unchained), undefined when the stream does not exist. */
export async function readState<State, Event extends { type: string; data: JsonObject }>(
  store: EventStore,
  streamId: string,
  decider: Folding<State, Event>,
  initial: State,
  cache?: StateCache<State>,
): Promise<{ state: State; revision: bigint | undefined; hash?: string | null }> {
  const hit = cache?.get(streamId);
  let events: RecordedEvent[];
  try {
    events = await store.readStream(streamId, hit ? { fromRevision: hit.revision + 1n } : undefined);
  } catch (e) {
    if (e instanceof StreamNotFound) {
      cache?.delete(streamId);
      return { state: initial, revision: undefined, hash: undefined };
    }
    throw e;
  }
  const start = hit ? hit.state : initial;
  const state = foldAll(decider, start, events.map((e) => ({ type: e.type, data: e.data }) as Event));
  const revision = events.length ? events[events.length - 1].revision : hit?.revision;
  const hash = events.length ? lastHashOf(events[events.length - 1]) : (hit?.hash ?? null);
  if (cache && revision !== undefined) cache.set(streamId, state, revision, hash);
  return { state, revision, hash };
}

/**
 * Read, fold, decide, append with the read revision. A lost race (another writer appended
 * between our read and our append) is retried by re-reading, unless the caller pinned a revision.
 */
export async function handleCommand<Command, State, Event extends { type: string; data: JsonObject }>(
  store: EventStore,
  streamId: string,
  command: Command,
  decider: Decider<Command, State, Event>,
  options: HandleCommandOptions,
): Promise<HandleCommandResult<State>> {
  const { eventsByCommand: _, ...result } = await handleCommands(store, streamId, [command], decider, options);
  return result;
}

/**
 * Several commands on one stream as one: each is decided on the state the ones before it produced,
 * and all their events are appended at once, so they land together or not at all (a bulk import's
 * "refer, then mark sent" for one item: one append, one fsync share and one queue turn instead of two).
 */
export function handleCommands<Command, State, Event extends { type: string; data: JsonObject }>(
  store: EventStore,
  streamId: string,
  commands: readonly Command[],
  decider: Decider<Command, State, Event>,
  options: HandleCommandsOptions,
): Promise<HandleCommandsResult<State>> {
  const handle = () => decideAndAppend({ store, streamId, commands, decider, options });
  return options.queue ? options.queue.run(streamId, handle) : handle();
}

/** One handleCommands call, as decideAndAppend receives it. */
interface Run<Command, State, Event extends { type: string; data: JsonObject }> {
  store: EventStore;
  streamId: string;
  commands: readonly Command[];
  decider: Decider<Command, State, Event>;
  options: HandleCommandsOptions;
}

/**
 * Decides each command on the state the previous ones left (a tolerated refusal decides nothing), and
 * returns that state after all of them: the new state to cache once the events are appended.
 */
function decideInTurn<Command, State, Event extends { type: string; data: JsonObject }>(
  decider: Decider<Command, State, Event>, commands: readonly Command[], state: State, tolerate: HandleCommandsOptions['tolerate'],
): { eventsByCommand: Event[][]; after: State } {
  let after = state;
  const eventsByCommand = commands.map((command, index) => {
    let decided: Event[];
    try {
      decided = decider.decide(command, after);
    } catch (e) {
      if (tolerate?.(index, e)) return [];
      throw e;
    }
    if (decided.length) after = foldAll(decider, after, decided);
    return decided;
  });
  return { eventsByCommand, after };
}

async function decideAndAppend<Command, State, Event extends { type: string; data: JsonObject }>(
  { store, streamId, commands, decider, options }: Run<Command, State, Event>,
): Promise<HandleCommandsResult<State>> {
  const retries = options.expectedRevision !== undefined ? 0 : (options.retries ?? 3);
  const cache = options.cache as StateCache<State> | undefined;
  // First try the cached fold without touching the store: the append's expected revision still
  // proves it was current. Anything the cache might have got wrong (a conflict, a rejection, a
  // no-op) is confirmed against the store before it is answered: a read of what was appended after
  // the cached revision, folded onto it. Not a full re-read: on a long case that is a fold of
  // thousands of events, and every refused command would pay it.
  let optimistic = cache !== undefined;
  let known = options.known as KnownState<State> | undefined;
  for (let attempt = 0; ; ) {
    const hit = known ?? (optimistic ? cache?.get(streamId) : undefined);
    optimistic = false;
    known = undefined;
    const { state, revision, hash } = hit ?? (await readState(store, streamId, decider, decider.initialState(), cache));
    const retryFresh = () => hit !== undefined;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      if (retryFresh()) continue;
      throw new WrongExpectedVersion(streamId, options.expectedRevision, revision);
    }
    let decided: { eventsByCommand: Event[][]; after: State };
    try {
      decided = decideInTurn(decider, commands, state, options.tolerate);
    } catch (e) {
      if (retryFresh()) continue;
      throw e;
    }
    const { eventsByCommand, after: newState } = decided;
    const events = eventsByCommand.length === 1 ? eventsByCommand[0] : eventsByCommand.flat();
    if (events.length === 0) {
      if (retryFresh()) continue;
      return { streamId, nextExpectedRevision: revision, position: undefined, newState: state, events, eventsByCommand };
    }
    try {
      const withIds = events.map((e) => ({ id: newEventId(), type: e.type, data: e.data, metadata: options.metadata }));
      const toAppend = options.seal ? await options.seal(withIds) : withIds;
      // The expected revision below guarantees `hash` is still the stream's last one when this lands.
      const chained = options.chain ? chainEvents(hash ?? null, toAppend) : { events: toAppend, last: null };
      const result = await store.append(streamId, chained.events, {
        expectedRevision: revision === undefined ? 'no_stream' : revision,
      });
      cache?.set(streamId, newState, result.nextExpectedRevision, chained.last);
      return { streamId, nextExpectedRevision: result.nextExpectedRevision, position: result.position, newState, events, eventsByCommand };
    } catch (e) {
      if (e instanceof WrongExpectedVersion && retryFresh()) continue;
      if (e instanceof WrongExpectedVersion && attempt++ < retries) continue;
      throw e;
    }
  }
}

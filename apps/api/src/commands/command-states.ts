import { StateCache } from '@liaison/event-store';

/**
 * Folded aggregate states by stream, shared by the command path (ExecuteCommandHandler) and the case-link
 * check (CaseLinks): a referral naming a long case reads only what the case got since it was last folded,
 * not its whole stream (a case of 2,000 detentions folds ~4,500 events, ~15–30 ms; ADR 26). Stream ids
 * carry the aggregate's prefix, so aggregates never collide. Sound for any reader: an entry is the fold of
 * its stream up to its revision, and readState folds what came after (see StateCache).
 */
export const COMMAND_STATES = Symbol('COMMAND_STATES');

export const commandStatesProvider = { provide: COMMAND_STATES, useFactory: () => new StateCache<unknown>(10_000) };

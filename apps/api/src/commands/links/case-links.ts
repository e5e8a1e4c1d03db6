import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { caseDecider, caseStreamId, type CaseState, type OpenedCaseState } from '@liaison/domain';
import { readState, type EventStore, type StateCache } from '@liaison/event-store';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';
import { COMMAND_STATES } from '../command-states.js';

/** Why a linked case does not hold, in the shape of a field error (one rule, one code, for every aggregate). */
export interface CaseLinkProblem {
  field: 'caseId';
  code: 'LINKED_CASE_NOT_FOUND';
  message: string;
}

/**
 * A command of another aggregate (a referral, an information request) may name a case. Its decider
 * cannot read the case, so the link is checked here, against the case's own state, before the command
 * runs, the same way for every aggregate. A case the officer's country cannot contribute to (owner or
 * `contribute` sharing) reads exactly like a case that does not exist: a link never reveals another
 * country's case.
 */
@Injectable()
export class CaseLinks {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMMAND_STATES) private readonly states: StateCache<unknown>,
  ) {}

  /**
   * The case's state when `country` may contribute to it, else undefined. `seen` keeps states by stream
   * within one request (a bulk file's thousands of rows name a few cases); across requests the command
   * path's fold cache means only what the case got since is read (COMMAND_STATES).
   */
  async contributable(country: string, caseId: string, seen = new Map<string, unknown>()): Promise<OpenedCaseState | undefined> {
    const stream = caseStreamId(caseId);
    if (!seen.has(stream)) seen.set(stream, (await readState(this.store, stream, caseDecider, caseDecider.initialState(), this.states as StateCache<CaseState>)).state);
    const state = seen.get(stream) as CaseState;
    if (!state.exists) return undefined;
    const level = state.ownerCountry === country ? 'owner' : state.sharing.get(country);
    return level === 'owner' || level === 'contribute' ? state : undefined;
  }

  problem(caseId: string): CaseLinkProblem {
    return { field: 'caseId', code: 'LINKED_CASE_NOT_FOUND', message: `No case ${caseId} that your country may contribute to` };
  }

  /** 422 LINKED_CASE_NOT_FOUND (with a field error on caseId) unless `country` may contribute to the case. */
  async assertContributable(country: string, caseId: string | undefined): Promise<void> {
    if (caseId === undefined || (await this.contributable(country, caseId))) return;
    const p = this.problem(caseId);
    throw new UnprocessableEntityException({ message: p.message, code: p.code, errors: [{ field: p.field, messages: [p.message] }] });
  }
}

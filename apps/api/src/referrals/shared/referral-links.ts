import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { actionDayDecider, actionDayStreamId } from '@liaison/domain';
import { readState } from '@liaison/event-store';
import type { EventStore } from '@liaison/event-store';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';
import { CaseLinks } from '../../commands/links/case-links.js';

export interface LinkFields {
  caseId?: string;
  handlerId?: string;
  actionDayId?: string;
}

export interface LinkProblem {
  field: 'caseId' | 'handlerId' | 'actionDayId';
  code: string;
  message: string;
}

/**
 * A referral may name a case, a handler in it and an action day: three other aggregates, which the
 * referral decider cannot read. So the links are checked here, against those aggregates' own state,
 * before the command runs. The case link is the shared rule of the command path (CaseLinks): a case the
 * officer's country cannot contribute to reads exactly like a case that does not exist.
 */
@Injectable()
export class ReferralLinks {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CaseLinks) private readonly cases: CaseLinks,
  ) {}

  /** Throws a 422 with field errors when a link does not hold. */
  async assert(country: string, links: LinkFields): Promise<void> {
    const problems = await this.problems(country, links, new Map());
    if (problems.length) {
      throw new UnprocessableEntityException({
        message: problems[0].message, code: problems[0].code, errors: problems.map((p) => ({ field: p.field, messages: [p.message] })),
      });
    }
  }

  /** `seen` caches answers by stream within one bulk request (thousands of rows name a few cases). */
  async problems(country: string, links: LinkFields, seen: Map<string, unknown>): Promise<LinkProblem[]> {
    const problems: LinkProblem[] = [];
    if (links.caseId !== undefined) {
      const state = await this.cases.contributable(country, links.caseId, seen);
      if (!state) {
        problems.push(this.cases.problem(links.caseId));
      } else if (links.handlerId !== undefined && !state.handlers.has(links.handlerId)) {
        problems.push({ field: 'handlerId', code: 'HANDLER_NOT_IDENTIFIED', message: `Handler ${links.handlerId} is not identified in case ${links.caseId}` });
      }
    } else if (links.handlerId !== undefined) {
      problems.push({ field: 'handlerId', code: 'HANDLER_NEEDS_CASE', message: 'handlerId needs the caseId of the case the handler belongs to' });
    }
    if (links.actionDayId !== undefined) {
      const day = await this.cached(seen, actionDayStreamId(links.actionDayId), () => readState(this.store, actionDayStreamId(links.actionDayId!), actionDayDecider, actionDayDecider.initialState()));
      if (!day.exists || !(day.organiserCountry === country || day.participatingCountries.includes(country))) {
        problems.push({ field: 'actionDayId', code: 'LINKED_ACTION_DAY_NOT_FOUND', message: `No action day ${links.actionDayId} your country takes part in` });
      }
    }
    return problems;
  }

  private async cached<S>(seen: Map<string, unknown>, stream: string, read: () => Promise<{ state: S }>): Promise<S> {
    if (!seen.has(stream)) seen.set(stream, (await read()).state);
    return seen.get(stream) as S;
  }
}

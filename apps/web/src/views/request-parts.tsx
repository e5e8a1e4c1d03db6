import type { InformationRequestEntry } from '../api/request-types';
import type { CaseSummary, Page, ReadAnswer } from '../api/types';
import { Countdown } from '../components/countdown';
import { HandlingBadge } from '../components/states';
import { Deadline, Time } from '../components/time';
import { countryName } from '../format';
import { pauseText, requestClock } from '../requests/labels';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';

// Pieces shared by the Requests list and a request's page.

export type CaseIndex = Map<string, CaseSummary>;

/**
 * The cases the viewer may see, by id: to name a request's linked case ("Open case Operation
 * Nordlys"), offer it as a filter and print its handling code. The same read the Cases view makes
 * (purpose required, access-logged); a case the other country did not share is simply absent.
 */
export function useCaseIndex(purpose: string | undefined): { index: CaseIndex; loaded: boolean } {
  const { api } = useApp();
  const q = useQuery(purpose ? `case-index-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<Page<CaseSummary>>>('/api/v1/cases', { signal, minPosition, purpose, query: { limit: 500 } }));
  return { index: new Map((q.data?.data.items ?? []).map((c) => [c.caseId, c])), loaded: !!q.data || !!q.error };
}

/** The request's clock at `now`: due time and live countdown, paused with the reason, or closed. */
export function RequestClockView({ entry, now, long }: { entry: InformationRequestEntry; now: number; long?: boolean }) {
  const clock = requestClock(entry, now);
  switch (clock.state) {
    case 'closed':
      return (
        <span class="request-clock" data-clock="closed">
          <Time iso={clock.deadline} />{' '}
          <span class="muted small">{entry.late ? 'answered after the deadline' : 'closed'}</span>
        </span>
      );
    case 'paused':
      return (
        <span class="request-clock" data-clock="paused">
          <strong class="paused-text" data-testid="paused">{pauseText(clock.pausedFor)}</strong>
          <span class="muted small">
            {' '}since <Time iso={clock.pausedSince} />
            {entry.authorisationPending && entry.expectedDelayDays !== null ? `; expected delay ${entry.expectedDelayDays} days` : ''}
            {long ? '. The deadline moves on by the time the clock stands still.' : ''}
          </span>
        </span>
      );
    case 'overdue':
      return (
        <span class="request-clock" data-clock="overdue">
          <Countdown iso={clock.deadline} now={now} />
          <span class="deadline-due small"> · was due <Time iso={clock.deadline} /></span>
        </span>
      );
    default:
      return (
        <span class="request-clock" data-clock="running">
          <Countdown iso={clock.deadline} now={now} />
          <span class="deadline-due small"> · due <Deadline iso={clock.deadline} /></span>
        </span>
      );
  }
}

/** The linked case: a link named by its title when the viewer may see it. */
export function LinkedCase({ caseId, index, owner }: { caseId: string | null; index: CaseIndex; owner: string }) {
  const { navigate } = useApp();
  if (!caseId) return <span class="muted">None</span>;
  const c = index.get(caseId);
  if (!c) return <span class="muted" title={caseId}>A case of {countryName(owner)}, not shared with you</span>;
  return (
    <span class="linked-case">
      <a href={`/cases/${caseId}`} onClick={linkHandler(navigate)}>Open case {c.title}</a> <HandlingBadge code={c.handlingCode} text={c.handlingText} />
    </span>
  );
}

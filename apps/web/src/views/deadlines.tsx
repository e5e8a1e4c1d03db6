import { useState } from 'preact/hooks';
import type { DeadlineBucket, DeadlineItem, DeadlineKind, DeadlinesBoard } from '../api/request-types';
import { DEADLINE_BUCKETS, DEADLINE_KINDS } from '../api/request-types';
import type { ReadAnswer } from '../api/types';
import { Countdown, useNow } from '../components/countdown';
import { SelectField } from '../components/fields';
import { StackPager } from '../components/pager';
import { usePrintMarking } from '../components/print-frame';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { Deadline } from '../components/time';
import { countryName, formatInstant } from '../format';
import { useTitle } from '../nav/page-focus';
import { browserStore, readStartPage, saveStartPage } from '../nav/start-page';
import type { StartPage } from '../nav/start-page';
import { useAddressFilters } from '../nav/use-address-filters';
import { pageStack, withParams } from '../nav/url-state';
import { strictestHandling } from '../requests/labels';
import { DEADLINE_DEFAULTS, parseDeadlineFilters } from '../requests/query';
import type { DeadlineFilters } from '../requests/query';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';

export const BUCKET_LABELS: Record<DeadlineBucket, string> = {
  overdue: 'Overdue',
  next_8h: 'Due in the next 8 hours',
  next_3d: 'Due in 8 to 72 hours',
  later: 'Later',
};
const KIND_LABELS: Record<DeadlineKind, string> = {
  information_request: 'Information request',
  custody_review: 'Custody review',
  extradition: 'Extradition stage',
};
const PAGE_SIZE = 100;

/** Where an item's link leads: the request, or the case the custody review or extradition belongs to. */
function itemHref(i: DeadlineItem): string | null {
  if (i.kind === 'information_request') return i.requestId ? `/requests/${i.requestId}` : null;
  return i.caseId ? `/cases/${i.caseId}` : null;
}

/**
 * The deadlines board: every deadline the viewer's country must meet or watch — information-request
 * answers (Directive 2023/977 Art. 5), custody reviews and extradition stages — merged, soonest
 * first, in the API's buckets. Kind, bucket and page live in the address. It can be the start page.
 */
export function DeadlinesBoardView({ search }: { search: string }) {
  const { api, purposes, navigate, session } = useApp();
  const { filters, draft, setDraft } = useAddressFilters(search, parseDeadlineFilters);
  const purpose = purposes.get();
  const q = useQuery(purpose ? JSON.stringify({ filters, purpose }) : null, (signal, minPosition) =>
    api.get<ReadAnswer<DeadlinesBoard>>('/api/v1/deadlines', {
      signal, minPosition, purpose,
      query: { kind: filters.kind || undefined, bucket: filters.bucket || undefined, limit: PAGE_SIZE, cursor: pageStack.parse(filters.page).at(-1) },
    }));
  const now = useNow();
  const onLink = linkHandler(navigate);
  useTitle('Deadlines');

  const go = (next: DeadlineFilters) => navigate(withParams('/deadlines', next, DEADLINE_DEFAULTS));
  const apply = (e: Event) => {
    e.preventDefault();
    go({ ...draft, page: '' });
  };
  const board = q.data?.data;
  const items = board?.items ?? [];
  const handling = strictestHandling(items.map((i) => i.handlingCode));

  usePrintMarking({ kind: 'list', codes: handling ? [handling] : [], subject: 'Deadlines board' });
  return (
    <div class="deadlines">
      <>
        <div class="view-header">
          <h1>Deadlines <span class="muted small">every running deadline {countryName(session.country)} must meet or watch</span></h1>
          <div class="view-actions no-print">
            <StartPageSwitch />
            <button type="button" onClick={() => print()} disabled={!board}>Print board</button>
          </div>
        </div>
        {!purpose ? <Panel title="State your purpose"><PurposePrompt set={purposes.set} /></Panel> : (
          <>
            {board ? (
              <ul class="bucket-counts" aria-label="Deadlines per bucket" data-testid="bucket-counts">
                {DEADLINE_BUCKETS.map((b) => (
                  <li key={b} class={`bucket bucket-${b}${b === 'overdue' && board.counts.overdue > 0 ? ' bucket-alert' : ''}`} data-bucket={b}>
                    <a href={withParams('/deadlines', { ...filters, bucket: b, page: '' }, DEADLINE_DEFAULTS)} onClick={onLink} aria-current={filters.bucket === b ? 'true' : undefined}>
                      <span class="bucket-count" data-testid={`count-${b}`}>{board.counts[b]}</span> <span class="bucket-name">{BUCKET_LABELS[b]}</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <form class="filters no-print" onSubmit={apply} aria-label="Filter deadlines">
              <SelectField id="dl-kind" label="Kind" value={draft.kind} anyLabel="All kinds" onChange={(kind) => setDraft({ ...draft, kind })}
                options={DEADLINE_KINDS.map((k) => [k, `${KIND_LABELS[k]}s`] as const)} />
              <SelectField id="dl-bucket" label="When" value={draft.bucket} anyLabel="Any time" onChange={(bucket) => setDraft({ ...draft, bucket })}
                options={DEADLINE_BUCKETS.map((b) => [b, BUCKET_LABELS[b]] as const)} />
              <button type="submit" class="primary">Apply filters</button>
            </form>
            {q.loading ? <Loading label="Loading deadlines…" /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
              <Empty>No running deadline{filters.bucket ? ` ${BUCKET_LABELS[filters.bucket as DeadlineBucket].toLowerCase()}` : ''} for {countryName(session.country)}.</Empty>
            ) : (
              <>
                {DEADLINE_BUCKETS.map((b) => {
                  const inBucket = items.filter((i) => i.bucket === b);
                  if (inBucket.length === 0) return null;
                  return (
                    <Panel key={b} id={`bucket-${b}`} title={`${BUCKET_LABELS[b]} (${board?.counts[b] ?? inBucket.length})`}>
                      <div class="table-scroll">
                        <table class="data-table deadlines-table" data-testid={`deadlines-${b}`}>
                          <thead><tr><th scope="col">Deadline</th><th scope="col">What</th><th scope="col">Kind</th><th scope="col">Country</th><th scope="col">Handling</th></tr></thead>
                          <tbody>
                            {inBucket.map((i) => {
                              const link = itemHref(i);
                              return (
                                <tr key={`${i.kind}-${i.requestId ?? i.detentionId ?? i.extraditionId}`} data-kind={i.kind} data-bucket={i.bucket}
                                  data-request-id={i.requestId ?? undefined} class={b === 'overdue' ? 'overdue' : undefined}>
                                  <td><Countdown iso={i.dueAt} now={now} /><div class="small"><Deadline iso={i.dueAt} /></div></td>
                                  <td>{link ? <a href={link} onClick={onLink} aria-label={`${i.label}, due ${formatInstant(i.dueAt)}`}>{i.label}</a> : i.label}</td>
                                  <td>{KIND_LABELS[i.kind]}{i.kind === 'information_request' && i.urgent ? ' (urgent)' : ''}</td>
                                  <td>{i.counterpartCountry ? countryName(i.counterpartCountry) : '—'}</td>
                                  <td>{i.handlingCode ? <HandlingBadge code={i.handlingCode} text={i.handlingText} /> : <span class="muted">—</span>}</td>
                                </tr>
                              );
                            })}
                          </tbody>
                        </table>
                      </div>
                    </Panel>
                  );
                })}
                <StackPager page={filters.page} nextCursor={board?.nextCursor} shown={`${items.length} shown, soonest first`} onPage={(page) => go({ ...filters, page })} />
              </>
            )}
            <p class="footnote">
              Buckets as the service counts them when it answers: overdue; the next 8 hours; 8 to 72 hours; later. A request whose clock stands still
              (clarification or judicial authorisation pending) has no running deadline and is not on the board; its page says so.
            </p>
          </>
        )}
      </>
    </div>
  );
}

/** The start-page preference of this browser (nav/start-page.ts): only the page's name is stored. */
function StartPageSwitch() {
  const [page, setPage] = useState<StartPage>(() => readStartPage(browserStore()));
  const toggle = (e: Event) => {
    const next: StartPage = (e.target as HTMLInputElement).checked ? 'deadlines' : 'overview';
    saveStartPage(browserStore(), next);
    setPage(next);
  };
  return (
    <label class="check start-page">
      <input type="checkbox" checked={page === 'deadlines'} onChange={toggle} /> Open Liaison on this board (start page in this browser)
    </label>
  );
}

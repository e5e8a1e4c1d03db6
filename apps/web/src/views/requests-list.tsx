import type { InformationRequestEntry } from '../api/request-types';
import { REQUEST_STATUSES } from '../api/request-types';
import type { Page, ReadAnswer } from '../api/types';
import { useNow } from '../components/countdown';
import { SelectField } from '../components/fields';
import { StackPager } from '../components/pager';
import { usePrintMarking } from '../components/print-frame';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, Loading, Panel } from '../components/states';
import { Time } from '../components/time';
import { countryName } from '../format';
import { useTitle } from '../nav/page-focus';
import { useAddressFilters } from '../nav/use-address-filters';
import { pageStack, withParams } from '../nav/url-state';
import { requestClock, RULE_LABELS, RULE_SHORT, STATUS_LABELS, strictestHandling } from '../requests/labels';
import { parseRequestFilters, REQUEST_DEFAULTS, registerQuery } from '../requests/query';
import type { RequestFilters } from '../requests/query';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { LinkedCase, RequestClockView, useCaseIndex } from './request-parts';

const NORDIC = ['DK', 'FI', 'IS', 'NO', 'SE'];
const PAGE_SIZE = 25;

/** Long texts shortened for a table cell; the request's page shows the whole. */
const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The request register (Directive (EU) 2023/977): incoming requests the viewer's country must answer
 * and outgoing ones it is waiting for, each open request's clock counting down live. Tab, filters
 * and page live in the address (`/requests?direction=&status=&urgency=&country=&overdue=&case=&page=`).
 */
export function RequestsList({ search }: { search: string }) {
  const { api, purposes, navigate, session } = useApp();
  const { filters, draft, setDraft } = useAddressFilters(search, parseRequestFilters);
  const purpose = purposes.get();
  const q = useQuery(purpose ? JSON.stringify({ filters, purpose }) : null, (signal, minPosition) =>
    api.get<ReadAnswer<Page<InformationRequestEntry>>>('/api/v1/information-requests', {
      signal, minPosition, purpose, query: registerQuery(filters, pageStack.parse(filters.page).at(-1), PAGE_SIZE),
    }));
  const cases = useCaseIndex(purpose);
  const now = useNow();
  const onLink = linkHandler(navigate);
  const incoming = filters.direction === 'incoming';
  const me = countryName(session.country);
  useTitle(incoming ? 'Incoming requests' : 'Outgoing requests');

  const go = (next: RequestFilters) => navigate(withParams('/requests', next, REQUEST_DEFAULTS));
  // A tab keeps the filters, starting from the first page.
  const tab = (direction: 'incoming' | 'outgoing') => withParams('/requests', { ...filters, direction, page: '' }, REQUEST_DEFAULTS);
  const apply = (e: Event) => {
    e.preventDefault();
    go({ ...draft, direction: filters.direction, page: '' });
  };
  const set = (k: keyof RequestFilters) => (value: string) => setDraft({ ...draft, [k]: value });
  const items = q.data?.data.items ?? [];
  const handling = strictestHandling(items.map((r) => (r.caseId ? cases.index.get(r.caseId)?.handlingCode : null)));
  const caseOptions = [...cases.index.values()].sort((a, b) => a.title.localeCompare(b.title));

  usePrintMarking({ kind: 'list', codes: handling ? [handling] : [], subject: `${incoming ? 'Incoming' : 'Outgoing'} information requests` });
  return (
    <div class="requests">
      <>
        <div class="view-header">
          <h1>Information requests <span class="muted small">Directive (EU) 2023/977, sent or received by {me}</span></h1>
          <div class="view-actions no-print">
            <a href="/deadlines" onClick={onLink}>Deadlines board</a>
            <button type="button" onClick={() => print()} disabled={!q.data}>Print list</button>
          </div>
        </div>
        <nav class="tabs no-print" aria-label="Requests by direction">
          <ul>
            <li><a href={tab('incoming')} onClick={onLink} aria-current={incoming ? 'page' : undefined}>Incoming <span class="tab-note">to answer</span></a></li>
            <li><a href={tab('outgoing')} onClick={onLink} aria-current={incoming ? undefined : 'page'}>Outgoing <span class="tab-note">asked by {me}</span></a></li>
          </ul>
        </nav>
        <p class="briefing-scope" data-testid="requests-scope">
          <strong>{incoming ? `Incoming: ${me} is asked and must answer` : `Outgoing: ${me} asked and awaits the answer`}</strong>
          {filters.status ? ` · ${STATUS_LABELS[filters.status as keyof typeof STATUS_LABELS]}` : ''}
          {filters.urgency ? ` · ${filters.urgency === 'urgent' ? 'urgent only' : 'not urgent only'}` : ''}
          {filters.country ? ` · ${incoming ? 'from' : 'to'} ${countryName(filters.country)}` : ''}
          {filters.overdue ? ' · overdue only' : ''}
          {filters.case ? ` · linked to ${cases.index.get(filters.case)?.title ?? 'one case'}` : ''}
        </p>
        {!purpose ? <Panel title="State your purpose"><PurposePrompt set={purposes.set} /></Panel> : (
          <>
            <form class="filters no-print" onSubmit={apply} role="search" aria-label="Filter requests">
              <SelectField id="rq-status" label="Status" value={draft.status} onChange={set('status')} options={REQUEST_STATUSES.map((st) => [st, STATUS_LABELS[st]] as const)} />
              <SelectField id="rq-urgency" label="Urgency" value={draft.urgency} onChange={set('urgency')} options={[['urgent', 'Urgent'], ['not_urgent', 'Not urgent']]} />
              <SelectField id="rq-country" label={incoming ? 'From country' : 'To country'} value={draft.country} onChange={set('country')}
                options={NORDIC.filter((c) => c !== session.country).map((c) => [c, countryName(c)] as const)} />
              <SelectField id="rq-case" label="Linked case" value={draft.case} onChange={set('case')} options={[
                ...(draft.case && !cases.index.has(draft.case) ? [[draft.case, `Case ${draft.case.slice(0, 8)}`] as const] : []),
                ...caseOptions.map((c) => [c.caseId, c.title] as const),
              ]} />
              <label class="check"><input type="checkbox" checked={draft.overdue === '1'} onChange={(e) => setDraft({ ...draft, overdue: (e.target as HTMLInputElement).checked ? '1' : '' })} /> Overdue only</label>
              <button type="submit" class="primary">Apply filters</button>
            </form>
            {q.loading ? <Loading label="Loading requests…" /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
              <Empty>{incoming ? `No incoming requests to ${me} match.` : `No outgoing requests from ${me} match.`} Only the two countries of a request see it.</Empty>
            ) : (
              <>
                <div class="table-scroll">
                  <table class="data-table requests-table" data-testid="requests-table">
                    <thead>
                      <tr>
                        <th scope="col">Information sought</th><th scope="col">{incoming ? 'From' : 'To'}</th><th scope="col">Urgency</th>
                        <th scope="col">Status</th><th scope="col">Received</th><th scope="col">Clock</th><th scope="col">Linked case</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((r) => {
                        const state = requestClock(r, now).state;
                        return (
                          <tr key={r.requestId} data-request-id={r.requestId} data-clock={state} class={state === 'overdue' ? 'overdue' : undefined}>
                            <td>
                              <a href={`/requests/${r.requestId}`} onClick={onLink}>{short(r.informationSought)}</a>
                              <div class="muted small">{r.requestingAuthority}</div>
                            </td>
                            <td>{countryName(r.counterpartCountry)}</td>
                            <td><span title={RULE_LABELS[r.rule] ?? r.rule}>{r.urgent ? <strong>Urgent</strong> : 'Not urgent'} · {RULE_SHORT[r.rule] ?? r.rule}</span></td>
                            <td><span class={`status status-${r.status}`}>{STATUS_LABELS[r.status] ?? r.status}</span></td>
                            <td><Time iso={r.receivedAt} /></td>
                            <td><RequestClockView entry={r} now={now} /></td>
                            <td><LinkedCase caseId={r.caseId} index={cases.index} owner={r.requestingCountry} /></td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <StackPager page={filters.page} nextCursor={q.data?.data.nextCursor} shown={`${items.length} shown`} onPage={(page) => go({ ...filters, page })} />
                <p class="footnote">
                  Deadlines are derived from receipt (Art. 5(1): 8 hours urgent and directly accessible, 3 calendar days urgent and indirectly accessible, 7 calendar days otherwise)
                  and stand still while a clarification (Art. 6(3)) or a judicial authorisation (Art. 5(2)) is pending. Times in your zone; UTC on hover.
                </p>
              </>
            )}
          </>
        )}
      </>
    </div>
  );
}

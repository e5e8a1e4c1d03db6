import { useAddressFilters } from '../nav/use-address-filters';
import type { CaseSummary, Page, ReadAnswer } from '../api/types';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { Time } from '../components/time';
import { countryName } from '../format';
import { useTitle } from '../nav/page-focus';
import { pageStack, readParams, withParams } from '../nav/url-state';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { usePrintMarking } from '../components/print-frame';

/** Filters and page, as they stand in the address (`/cases?q=&status=&owner=&page=`). */
const DEFAULTS = { q: '', status: '', owner: '', page: '' };
type Filters = typeof DEFAULTS;

const OWNER_COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'IS'];

export function CasesList({ search }: { search: string }) {
  const { api, purposes, navigate, session } = useApp();
  useTitle('Cases');
  const { filters, draft, setDraft } = useAddressFilters<Filters>(search, (s) => readParams(s, DEFAULTS));
  const cursors = pageStack.parse(filters.page);
  const go = (next: Filters) => navigate(withParams('/cases', next, DEFAULTS));
  const purpose = purposes.get();
  const cursor = cursors[cursors.length - 1];
  const key = purpose ? JSON.stringify({ filters, purpose }) : null;
  const q = useQuery(key, (signal, minPosition) =>
    api.get<ReadAnswer<Page<CaseSummary>>>('/api/v1/cases', {
      signal, minPosition, purpose,
      query: { status: filters.status, ownerCountry: filters.owner, q: filters.q.trim(), limit: 25, cursor },
    }));
  const items = q.data?.data.items ?? [];
  usePrintMarking({ kind: 'list', codes: items.map((c) => c.handlingCode), subject: `Cases owned by or shared with ${countryName(session.country)}` });

  const apply = (e: Event) => {
    e.preventDefault();
    go({ ...draft, q: draft.q.trim(), page: '' });
  };
  const setCursors = (stack: string[]) => go({ ...filters, page: pageStack.format(stack) });

  return (
    <div>
      <h1>Cases <span class="muted small">owned by or shared with {countryName(session.country)}</span></h1>
      {!purpose ? (
        <Panel title="State your purpose"><PurposePrompt set={purposes.set} /></Panel>
      ) : (
        <Panel title="Find cases" id="case-list">
          <form class="filters" onSubmit={apply} role="search">
            <div class="field">
              <label for="f-q">Title contains</label>
              <input id="f-q" type="search" maxLength={100} value={draft.q} onInput={(e) => setDraft({ ...draft, q: (e.target as HTMLInputElement).value })} />
            </div>
            <div class="field">
              <label for="f-status">Status</label>
              <select id="f-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: (e.target as HTMLSelectElement).value })}>
                <option value="">Any</option>
                <option value="open">Open</option>
                <option value="closed">Closed</option>
              </select>
            </div>
            <div class="field">
              <label for="f-owner">Owner country</label>
              <select id="f-owner" value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: (e.target as HTMLSelectElement).value })}>
                <option value="">Any</option>
                {OWNER_COUNTRIES.map((c) => <option key={c} value={c}>{countryName(c)}</option>)}
              </select>
            </div>
            <button type="submit" class="primary">Apply filters</button>
          </form>
          {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
            <Empty>No cases match. Cases appear here when your country owns them or another country shares them with you.</Empty>
          ) : (
            <>
              <CasesTable items={items} />
              <div class="pager">
                <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>Previous page</button>
                <button type="button" disabled={!q.data?.data.nextCursor} onClick={() => q.data?.data.nextCursor && setCursors([...cursors, q.data.data.nextCursor])}>Next page</button>
              </div>
            </>
          )}
        </Panel>
      )}
    </div>
  );
}

/** The cases list's table; the reproduced-access view shows a reproduced list in it too. */
export function CasesTable({ items, note }: { items: CaseSummary[]; note?: (caseId: string) => string | undefined }) {
  const { navigate } = useApp();
  const onLink = linkHandler(navigate);
  return (
    <table class="data-table cases-table">
      <thead>
        <tr><th scope="col">Case</th><th scope="col">Handling</th><th scope="col">Owner</th><th scope="col">Your access</th><th scope="col">Status</th><th scope="col">Last activity</th></tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.caseId} class={note?.(c.caseId) ? 'changed' : undefined}>
            <td><a href={`/cases/${c.caseId}`} onClick={onLink}>{c.title}</a><div class="muted small">{c.offenceCategory}</div>
              {note?.(c.caseId) ? <div class="diff-note">{note(c.caseId)}</div> : null}</td>
            <td><HandlingBadge code={c.handlingCode} text={c.handlingText} /></td>
            <td>{countryName(c.ownerCountry)}</td>
            <td>{c.access}</td>
            <td><span class={`status status-${c.status}`}>{c.status}</span></td>
            <td><Time iso={c.lastEventAt} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

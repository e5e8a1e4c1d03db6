import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AccessEntry, AccessReproduction, Page, ReadAnswer } from '../api/types';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, Loading, Panel } from '../components/states';
import { Time } from '../components/time';
import { countryName, currentZone, formatInstant } from '../format';
import { describeAccess } from '../audit/describe-access';
import { localInputToIso } from '../time/zone';
import { useTitle } from '../nav/page-focus';
import { pageStack, readParams, withParams } from '../nav/url-state';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';

/**
 * Filters and page as they stand in the address (`/audit?officer=&case=&from=&to=&mine=&page=`).
 * `mine=hide` leaves out the supervisor's own reads (every page they open is logged, so they crowd
 * the top). Not the default yet: the newest entries of others can be audit replays, whose
 * reproduction the dashboard does not render well (see issue 19's "Reproduce" point).
 */
const DEFAULTS = { officer: '', case: '', from: '', to: '', mine: '', page: '' };
type LogFilters = typeof DEFAULTS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `<input type="datetime-local">` gives a wall-clock time: read it in the viewer's chosen zone, send UTC. */
const toIso = (local: string) => (local ? localInputToIso(local, currentZone()) : undefined);

function NeedsPurpose({ title }: { title: string }) {
  const { purposes } = useApp();
  return <div><h1>Audit</h1><Panel title={title}><PurposePrompt set={purposes.set} /></Panel></div>;
}

export function AuditLog({ search }: { search: string }) {
  const { api, purposes, navigate, session } = useApp();
  useTitle('Audit log');
  const purpose = purposes.get();
  const filters = useMemo(() => readParams(search, DEFAULTS), [search]);
  const [draft, setDraft] = useState<LogFilters>(filters);
  // Back/forward or a followed link changes the address: show the filters in force.
  useEffect(() => setDraft(filters), [filters]);
  const [formError, setFormError] = useState('');
  const cursors = pageStack.parse(filters.page);
  const go = (next: LogFilters) => navigate(withParams('/audit', next, DEFAULTS));
  const setCursors = (stack: string[]) => go({ ...filters, page: pageStack.format(stack) });
  // New accesses are not case events, so the live stream does not announce them: refresh on request.
  const [tick, setTick] = useState(0);
  const cursor = cursors[cursors.length - 1];
  const q = useQuery(purpose ? JSON.stringify({ filters, purpose, tick }) : null, (signal, minPosition) =>
    api.get<ReadAnswer<Page<AccessEntry>>>('/api/v1/audit/access', {
      signal, minPosition, purpose,
      query: { officer: filters.officer.trim(), excludeOfficer: filters.mine === 'hide' ? session.subject : undefined, case: filters.case.trim(), from: toIso(filters.from), to: toIso(filters.to), limit: 25, cursor },
    }));
  const onLink = linkHandler(navigate);
  const items = q.data?.data.items ?? [];

  const apply = (e: Event) => {
    e.preventDefault();
    if (draft.case.trim() && !UUID.test(draft.case.trim())) {
      setFormError('Case must be a case id (UUID).');
      return;
    }
    setFormError('');
    go({ ...draft, officer: draft.officer.trim(), case: draft.case.trim(), page: '' });
  };

  if (!purpose) return <NeedsPurpose title="State your purpose to read the access log" />;
  return (
    <div>
      <h1>Audit <span class="muted small">accesses by {countryName(session.country)} officers and to cases {session.country} owns</span></h1>
      <ReplayForm />
      <Panel title="Access log" id="access-log" actions={<button type="button" onClick={() => setTick((t) => t + 1)}>Refresh</button>}>
        <form class="filters" onSubmit={apply} role="search">
          <div class="field"><label for="a-officer">Officer (subject)</label>
            <input id="a-officer" type="text" maxLength={200} value={draft.officer} onInput={(e) => setDraft({ ...draft, officer: (e.target as HTMLInputElement).value })} /></div>
          <div class="field"><label for="a-case">Case id</label>
            <input id="a-case" type="text" maxLength={36} value={draft.case} onInput={(e) => setDraft({ ...draft, case: (e.target as HTMLInputElement).value })} /></div>
          <div class="field"><label for="a-from">From <span class="muted small">({currentZone()})</span></label>
            <input id="a-from" type="datetime-local" value={draft.from} onInput={(e) => setDraft({ ...draft, from: (e.target as HTMLInputElement).value })} /></div>
          <div class="field"><label for="a-to">Before <span class="muted small">({currentZone()})</span></label>
            <input id="a-to" type="datetime-local" value={draft.to} onInput={(e) => setDraft({ ...draft, to: (e.target as HTMLInputElement).value })} /></div>
          <button type="submit" class="primary">Apply filters</button>
          <label class="check"><input type="checkbox" checked={filters.mine === 'hide'}
            onChange={(e) => go({ ...filters, mine: (e.target as HTMLInputElement).checked ? 'hide' : '', page: '' })} /> Hide my own reads</label>
        </form>
        {formError ? <p class="field-error" role="alert">{formError}</p> : null}
        {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
          <Empty>No accesses match these filters.</Empty>
        ) : (
          <>
            <table class="data-table">
              <thead><tr><th scope="col">When</th><th scope="col">Officer</th><th scope="col">What</th><th scope="col">Purpose</th><th scope="col">Cases</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.entryId}>
                    <td><Time iso={e.accessedAt} /></td>
                    <td>{e.officer.subject}<div class="muted small">{countryName(e.officer.country)}</div></td>
                    <td data-testid="access-sentence">{describeAccess(e)}<div class="muted small"><code>{e.route}</code> · {e.fieldsClass} · read at position {e.readAt}</div></td>
                    <td>{e.purpose ?? <span class="muted">none (aggregate)</span>}</td>
                    <td>{e.caseIds.length === 0 ? '—' : e.caseIds.slice(0, 3).map((id) => (
                      <div key={id}><a href={`/audit/cases/${id}`} onClick={onLink} title={`Replay case ${id}`}>{id.slice(0, 8)}…</a></div>
                    ))}{e.caseIds.length > 3 ? <div class="muted small">+{e.caseIds.length - 3} more</div> : null}</td>
                    <td><a href={`/audit/access/${e.entryId}`} onClick={onLink} aria-label={`Reproduce access by ${e.officer.subject} at ${formatInstant(e.accessedAt)}`}>Reproduce</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div class="pager">
              <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>Newer</button>
              <button type="button" disabled={!q.data?.data.nextCursor} onClick={() => q.data?.data.nextCursor && setCursors([...cursors, q.data.data.nextCursor])}>Older</button>
            </div>
          </>
        )}
      </Panel>
    </div>
  );
}

function ReplayForm() {
  const { navigate } = useApp();
  const [id, setId] = useState('');
  const [error, setError] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (!UUID.test(id.trim())) {
      setError('Enter a case id (UUID).');
      return;
    }
    navigate(`/audit/cases/${id.trim().toLowerCase()}`);
  };
  return (
    <Panel title="Replay a case" id="replay-form">
      <form class="filters" onSubmit={submit}>
        <div class="field"><label for="r-case">Case id (owned by your country)</label>
          <input id="r-case" type="text" size={38} maxLength={36} value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} /></div>
        <button type="submit" class="primary">Replay</button>
      </form>
      {error ? <p class="field-error" role="alert">{error}</p> : null}
      <p class="footnote">Or follow a case link in the access log. Replays show what the log held at any past event, with who recorded what.</p>
    </Panel>
  );
}

export function AuditEntryView({ entryId }: { entryId: string }) {
  const { api, purposes, navigate } = useApp();
  const purpose = purposes.get();
  // A reproduction is fixed in time: fetch once, not on every live update.
  const [data, setData] = useState<AccessReproduction | undefined>();
  const [error, setError] = useState<Error | undefined>();
  useEffect(() => {
    if (!purpose) return;
    const c = new AbortController();
    setData(undefined);
    setError(undefined);
    api.get<ReadAnswer<AccessReproduction>>(`/api/v1/audit/access/${entryId}/view`, { purpose, signal: c.signal })
      .then((r) => setData(r.data), (e: Error) => { if (e.name !== 'AbortError') setError(e); });
    return () => c.abort();
  }, [entryId, purpose]);
  const onLink = linkHandler(navigate);
  useTitle('Reproduced access');
  if (!purpose) return <NeedsPurpose title="State your purpose to reproduce this access" />;
  return (
    <div>
      <p><a href="/audit" onClick={onLink}>← Access log</a></p>
      <h1>Reproduced access</h1>
      {error ? <ErrorState error={error} /> : !data ? <Loading label="Rebuilding the answer from the log…" /> : (
        <Panel title={`${data.officer.subject} (${countryName(data.officer.country)})`} id="reproduction">
          <p class={data.matchesRecord ? 'verify-ok' : 'verify-bad'} role="status">
            {data.matchesRecord ? '✔ Reproduced answer matches the recorded hash' : '✘ Reproduced answer does NOT match the recorded hash'}
          </p>
          <dl class="facts">
            <div><dt>Route</dt><dd><code>{data.route}</code></dd></div>
            <div><dt>Query</dt><dd>{data.query}</dd></div>
            <div><dt>Read at position</dt><dd>{data.readAt}</dd></div>
            <div><dt>Answer SHA-256</dt><dd><code class="hash">{data.answerSha256}</code></dd></div>
            <div><dt>Cases</dt><dd>{data.caseIds.length ? data.caseIds.map((id) => <div key={id}><a href={`/audit/cases/${id}`} onClick={onLink}>{id}</a></div>) : '—'}</dd></div>
          </dl>
          {data.redacted ? <p class="footnote">Parts about cases your country does not own are redacted.</p> : null}
          <details open>
            <summary>The answer the officer received</summary>
            <pre class="json">{JSON.stringify(data.answer, null, 2)}</pre>
          </details>
        </Panel>
      )}
    </div>
  );
}

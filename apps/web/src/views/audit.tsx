import { useEffect, useMemo, useState } from 'preact/hooks';
import { useAddressFilters } from '../nav/use-address-filters';
import type {
  AccessEntry, AccessOfficerSummary, AccessReproduction, CaseDetail, CaseReplay, CaseSummary, Page, ReadAnswer, SearchHit,
} from '../api/types';
import { ApiError } from '../api/client';
import { usePrintMarking } from '../components/print-frame';
import { diffItems, itemKey, itemsOf, noteFor, type ItemDiff } from '../audit/answer-diff';
import { CasesTable } from './cases-list';
import { SearchResults } from './search';
import { Detentions, Extraditions, Handlers, People, Timeline } from './case-parts';
import { replayTimeline } from './case-page';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { Time } from '../components/time';
import { countryName, currentZone, formatInstant, humanize } from '../format';
import { describeAccess } from '../audit/describe-access';
import { localInputToIso } from '../time/zone';
import { useTitle } from '../nav/page-focus';
import { pageStack, readParams, withParams } from '../nav/url-state';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';

/**
 * Filters and page as they stand in the address (`/audit?officer=&case=&from=&to=&mine=&page=`).
 * The supervisor's own reads are hidden by default (every page they open is logged, so they would
 * crowd the top); `mine=show` shows them.
 */
const DEFAULTS = { officer: '', case: '', from: '', to: '', mine: '', page: '' };
type LogFilters = typeof DEFAULTS;

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
  const { filters, draft, setDraft } = useAddressFilters<LogFilters>(search, (s) => readParams(s, DEFAULTS));
  const cursors = pageStack.parse(filters.page);
  const go = (next: LogFilters) => navigate(withParams('/audit', next, DEFAULTS));
  const setCursors = (stack: string[]) => go({ ...filters, page: pageStack.format(stack) });
  const showMine = filters.mine === 'show';
  // New accesses are not case events, so the live stream does not announce them: refresh on request.
  const [tick, setTick] = useState(0);
  const cursor = cursors[cursors.length - 1];
  const q = useQuery(purpose ? JSON.stringify({ filters, purpose, tick }) : null, (signal, minPosition) =>
    api.get<ReadAnswer<Page<AccessEntry>>>('/api/v1/audit/access', {
      signal, minPosition, purpose,
      query: { officer: filters.officer, excludeOfficer: showMine || filters.officer === session.subject ? undefined : session.subject, case: filters.case, from: toIso(filters.from), to: toIso(filters.to), limit: 25, cursor },
    }));
  // The pickers: officers in the part of the log this country may see, and the cases it may see.
  const officers = useQuery(purpose ? `officers-${purpose}-${tick}` : null, (signal) =>
    api.get<ReadAnswer<{ items: AccessOfficerSummary[] }>>('/api/v1/audit/access/officers', { signal, purpose }));
  const cases = useQuery(purpose ? `audit-cases-${purpose}` : null, (signal) =>
    api.get<ReadAnswer<Page<CaseSummary>>>('/api/v1/cases', { signal, purpose, query: { limit: 200 } }));
  const items = q.data?.data.items ?? [];
  usePrintMarking({ kind: 'list', codes: [], subject: 'Audit log' });

  const apply = (e: Event) => {
    e.preventDefault();
    go({ ...draft, page: '' });
  };
  const officerOptions = officers.data?.data.items ?? [];
  const caseOptions = cases.data?.data.items ?? [];

  if (!purpose) return <NeedsPurpose title="State your purpose to read the access log" />;
  return (
    <div>
      <h1>Audit <span class="muted small">accesses by {countryName(session.country)} officers and to cases {session.country} owns</span></h1>
      <ReplayForm cases={caseOptions.filter((c) => c.ownerCountry === session.country)} />
      <Panel title="Access log" id="access-log" actions={<button type="button" class="no-print" onClick={() => setTick((t) => t + 1)}>Refresh</button>}>
        <form class="filters" onSubmit={apply} role="search" aria-label="Filter the access log">
          <div class="field"><label for="a-officer">Officer</label>
            <select id="a-officer" value={draft.officer} onChange={(e) => setDraft({ ...draft, officer: (e.target as HTMLSelectElement).value })}>
              <option value="">Any officer</option>
              {draft.officer && !officerOptions.some((o) => o.subject === draft.officer) ? <option value={draft.officer}>{draft.officer}</option> : null}
              {officerOptions.map((o) => (
                <option key={`${o.country}:${o.subject}`} value={o.subject}>
                  {o.subject}{o.subject === session.subject ? ' (you)' : ''} — {countryName(o.country)}, {o.accesses} {o.accesses === 1 ? 'access' : 'accesses'}
                </option>
              ))}
            </select></div>
          <div class="field"><label for="a-case">Case</label>
            <select id="a-case" value={draft.case} onChange={(e) => setDraft({ ...draft, case: (e.target as HTMLSelectElement).value })}>
              <option value="">Any case</option>
              {draft.case && !caseOptions.some((c) => c.caseId === draft.case) ? <option value={draft.case}>{draft.case}</option> : null}
              {caseOptions.map((c) => <option key={c.caseId} value={c.caseId}>{c.title}</option>)}
            </select></div>
          <div class="field"><label for="a-from">From <span class="muted small">({currentZone()})</span></label>
            <input id="a-from" type="datetime-local" value={draft.from} onInput={(e) => setDraft({ ...draft, from: (e.target as HTMLInputElement).value })} /></div>
          <div class="field"><label for="a-to">Before <span class="muted small">({currentZone()})</span></label>
            <input id="a-to" type="datetime-local" value={draft.to} onInput={(e) => setDraft({ ...draft, to: (e.target as HTMLInputElement).value })} /></div>
          <button type="submit" class="primary">Apply filters</button>
          <label class="check"><input type="checkbox" checked={showMine}
            onChange={(e) => go({ ...filters, mine: (e.target as HTMLInputElement).checked ? 'show' : '', page: '' })} /> Show my own reads</label>
        </form>
        {!showMine && filters.officer !== session.subject ? <p class="footnote" data-testid="own-reads-hidden">Your own reads ({session.subject}) are hidden.</p> : null}
        {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
          <Empty>No accesses match these filters.</Empty>
        ) : (
          <>
            <AccessTable items={items} />
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

/** Cases of an entry by title: a replay link for the supervisor's own country's cases. */
function CaseTitles({ e }: { e: Pick<AccessEntry, 'caseIds' | 'caseTitles'> }) {
  const { navigate } = useApp();
  const onLink = linkHandler(navigate);
  if (e.caseIds.length === 0) return <>—</>;
  return (
    <>
      {e.caseIds.slice(0, 3).map((id) => {
        const title = e.caseTitles?.[id];
        return <div key={id}>{title ? <a href={`/audit/cases/${id}`} onClick={onLink} aria-label={`Replay case ${title}`}>{title}</a> : <code>{id.slice(0, 8)}…</code>}</div>;
      })}
      {e.caseIds.length > 3 ? <div class="muted small">+{e.caseIds.length - 3} more</div> : null}
    </>
  );
}

/** The access log's table (also how a reproduced read of the access log is shown). */
export function AccessTable({ items, note, reproduce = true }: { items: AccessEntry[]; note?: (entryId: string) => string | undefined; reproduce?: boolean }) {
  const { navigate } = useApp();
  const onLink = linkHandler(navigate);
  return (
    <table class="data-table access-table">
      <thead><tr><th scope="col">When</th><th scope="col">Officer</th><th scope="col">What</th><th scope="col">Purpose</th><th scope="col">Cases</th>{reproduce ? <th scope="col">Reproduce</th> : null}</tr></thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.entryId} class={note?.(e.entryId) ? 'changed' : undefined}>
            <td><Time iso={e.accessedAt} /></td>
            <td>{e.officer.subject}<div class="muted small">{countryName(e.officer.country)}</div></td>
            <td data-testid="access-sentence">{describeAccess(e)}<div class="muted small"><code>{e.route}</code> · {e.fieldsClass} · read at position {e.readAt}</div>
              {note?.(e.entryId) ? <div class="diff-note">{note(e.entryId)}</div> : null}</td>
            <td>{e.purpose ?? <span class="muted">none (aggregate)</span>}</td>
            <td><CaseTitles e={e} /></td>
            {reproduce ? <td><a href={`/audit/access/${e.entryId}`} onClick={onLink} aria-label={`Reproduce: ${describeAccess(e)} at ${formatInstant(e.accessedAt)}`}>Reproduce</a></td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReplayForm({ cases }: { cases: CaseSummary[] }) {
  const { navigate } = useApp();
  const [id, setId] = useState('');
  const [error, setError] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (!id) {
      setError('Pick a case to replay.');
      return;
    }
    navigate(`/audit/cases/${id}`);
  };
  return (
    <Panel title="Replay a case" id="replay-form">
      <form class="filters" onSubmit={submit} aria-label="Replay a case">
        <div class="field"><label for="r-case">Case owned by your country</label>
          <select id="r-case" value={id} onChange={(e) => setId((e.target as HTMLSelectElement).value)}>
            <option value="">Choose a case…</option>
            {cases.map((c) => <option key={c.caseId} value={c.caseId}>{c.title}</option>)}
          </select></div>
        <button type="submit" class="primary">Replay</button>
      </form>
      {error ? <p class="field-error" role="alert">{error}</p> : null}
      <p class="footnote">Or follow a case in the access log. Replays show what the log held at any past event, with who recorded what.</p>
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
  const sentence = data ? describeAccess({ ...data, resultCount: resultCountOf(data.answer.data) }) : '';
  usePrintMarking(data ? { kind: 'list', codes: handlingCodesOf(data.answer.data), subject: `Reproduced access: ${sentence}` } : undefined);
  if (!purpose) return <NeedsPurpose title="State your purpose to reproduce this access" />;
  // A reproduction of a reproduction: the entry it reproduced is the one to open.
  const reproduced = error instanceof ApiError && error.code === 'NOT_REPRODUCIBLE' ? /[0-9a-f]{8}-[0-9a-f-]{27}/i.exec(error.message)?.[0] : undefined;
  return (
    <div>
      <p class="back-link"><a href="/audit" onClick={onLink}>← Access log</a></p>
      <h1>Reproduced access</h1>
      {error ? (error instanceof ApiError && error.code === 'NOT_REPRODUCIBLE'
        ? <p class="state" role="status">{error.message}{reproduced ? <> — <a href={`/audit/access/${reproduced}`} onClick={onLink}>open the access it reproduced</a></> : null}</p>
        : <ErrorState error={error} />)
        : !data ? <Loading label="Rebuilding the answer from the log…" /> : (
        <>
          <Panel title="Who, when and why" id="reproduction">
            <p data-testid="reproduced-sentence"><strong>{sentence}</strong></p>
            <p class={data.matchesRecord ? 'verify-ok' : 'verify-bad'} role="status">
              {data.matchesRecord ? '✔ Reproduced answer matches the recorded hash' : '✘ Reproduced answer does NOT match the recorded hash'}
            </p>
            <dl class="facts">
              <div><dt>When</dt><dd><Time iso={data.accessedAt} /></dd></div>
              <div><dt>Purpose</dt><dd>{data.purpose ?? 'none (aggregate)'}</dd></div>
              {data.params && typeof data.params.q === 'string' ? <div><dt>Searched for</dt><dd>“{data.params.q}”</dd></div> : null}
              <div><dt>Read at position</dt><dd>{data.readAt}</dd></div>
              <div><dt>Route</dt><dd><code>{data.route}</code></dd></div>
              <div><dt>Answer SHA-256</dt><dd><code class="hash">{data.answerSha256}</code></dd></div>
            </dl>
            {data.redacted ? <p class="footnote">Parts about cases your country does not own are left out.</p> : null}
          </Panel>
          <Panel title="The answer as the officer saw it" id="reproduced-answer">
            <AnswerView query={data.query} data={data.answer.data} now={data.now?.data} params={data.params} />
          </Panel>
          <details class="no-print">
            <summary>The answer as data (JSON)</summary>
            <pre class="json">{JSON.stringify(data.answer, null, 2)}</pre>
          </details>
        </>
      )}
    </div>
  );
}

const resultCountOf = (data: unknown): number | null => {
  const items = itemsOf(data);
  return items ? items.length : data === null || data === undefined ? 0 : 1;
};

function handlingCodesOf(data: unknown): string[] {
  const items = itemsOf(data) ?? (data ? [data] : []);
  const codes = items.map((i) => (i as { handlingCode?: unknown; detail?: { handlingCode?: unknown } }))
    .map((i) => i.handlingCode ?? i.detail?.handlingCode).filter((c): c is string => typeof c === 'string');
  return codes;
}

/**
 * The reproduced answer in the component that showed it to the officer, with what differs from the
 * same question asked now marked (rows with a note, a list of what came since). Queries without a
 * view of their own show their items as a plain table.
 */
export function AnswerView({ query, data, now, params }: { query: string; data: unknown; now: unknown; params: Record<string, unknown> | null }) {
  const thenItems = itemsOf(data);
  const asked = now !== undefined && now !== null;
  const diff = useMemo(() => (asked && thenItems ? diffItems(thenItems, itemsOf(now) ?? []) : undefined), [data, now]);
  const note = (key: string) => noteFor(diff, key);
  // A case (detail or replay): its people, detentions, handlers and extraditions compared part by part.
  const thenCase = query === 'caseDetail' ? (data as CaseDetail | null) : query === 'replayCase' ? (data as CaseReplay).detail : undefined;
  const nowCase = !asked ? undefined : query === 'caseDetail' ? (now as CaseDetail | null) : query === 'replayCase' ? (now as CaseReplay).detail : undefined;
  const caseDiff = thenCase && nowCase ? caseParts(thenCase, nowCase) : undefined;
  const counts = diff ? [diff.changed.size, diff.gone.size, diff.added.length]
    : caseDiff ? Object.values(caseDiff).reduce((n, d) => [n[0] + d.changed.size, n[1] + d.gone.size, n[2] + d.added.length], [0, 0, 0]) : undefined;
  const summary = !asked || (thenCase !== undefined && !nowCase)
    ? <p class="footnote" data-testid="diff-summary">The same question cannot be asked again now (the case is no longer visible, or the answer was computed from another answer).</p>
    : counts ? <p class="footnote" data-testid="diff-summary">{counts[0] + counts[1] + counts[2] === 0 ? 'Asked again now, the same question gives the same answer.'
      : `Compared with the same question asked now: ${counts[0]} changed, ${counts[1]} no longer there, ${counts[2]} new (marked).`}</p>
    : <p class="footnote" data-testid="diff-summary">{JSON.stringify(data) === JSON.stringify(now) ? 'Asked again now, the same question gives the same answer.' : 'Asked again now, the answer differs.'}</p>;
  const newItems = diff ? diff.added : caseDiff ? Object.values(caseDiff).flatMap((d) => d.added) : [];
  const added = newItems.length ? <p class="diff-note" data-testid="diff-added">New since: {newItems.map((i) => labelOf(i)).join('; ')}</p> : null;
  let body;
  switch (query) {
    case 'search':
      body = <SearchResults hits={(thenItems ?? []) as SearchHit[]} q={typeof params?.q === 'string' ? params.q : ''} changed={(h) => note(itemKey(h))} />;
      break;
    case 'listCases':
      body = <CasesTable items={(thenItems ?? []) as CaseSummary[]} note={(id) => note(id)} />;
      break;
    case 'accessLog':
    case 'accessLogTitled':
      body = <AccessTable items={(thenItems ?? []) as AccessEntry[]} note={(id) => note(id)} reproduce={false} />;
      break;
    case 'caseDetail':
      body = thenCase ? <CaseAnswer c={thenCase} diff={caseDiff} /> : <Empty>The answer was empty (no such case for that country).</Empty>;
      break;
    case 'replayCase': {
      const r = data as CaseReplay;
      body = (
        <>
          <p class="footnote">The case as the event log held it at position {r.position ?? '—'} ({r.eventCount} events).</p>
          {thenCase ? <CaseAnswer c={thenCase} diff={caseDiff} /> : null}
          <Timeline items={replayTimeline(r.timeline)} source="From the event log, with the acting officer and country." />
        </>
      );
      break;
    }
    default:
      body = thenItems ? <GenericItems items={thenItems} note={(i) => note(itemKey(i))} /> : <pre class="json">{JSON.stringify(data, null, 2)}</pre>;
  }
  return <>{summary}{body}{added}</>;
}

type CaseDiff = Record<'persons' | 'detentions' | 'handlers' | 'extraditions', ItemDiff>;
const caseParts = (then: CaseDetail, now: CaseDetail): CaseDiff => ({
  persons: diffItems(then.persons, now.persons), detentions: diffItems(then.detentions, now.detentions),
  handlers: diffItems(then.handlers, now.handlers), extraditions: diffItems(then.extraditions, now.extraditions),
});

function CaseAnswer({ c, diff }: { c: CaseDetail; diff: CaseDiff | undefined }) {
  return (
    <div class="case-answer">
      <h3>{c.title} <HandlingBadge code={c.handlingCode} text={c.handlingText} /></h3>
      <p class="muted small">{countryName(c.ownerCountry)} · {c.status} · {c.offenceCategory}</p>
      <h4>People</h4><People persons={c.persons} note={(k) => noteFor(diff?.persons, k)} />
      <h4>Detentions</h4><Detentions detentions={c.detentions} persons={c.persons} note={(k) => noteFor(diff?.detentions, k)} />
      <h4>Handlers abroad</h4><Handlers handlers={c.handlers} persons={c.persons} note={(k) => noteFor(diff?.handlers, k)} />
      <h4>Extraditions</h4><Extraditions extraditions={c.extraditions} persons={c.persons} note={(k) => noteFor(diff?.extraditions, k)} />
    </div>
  );
}

const labelOf = (i: unknown): string => {
  const o = (i ?? {}) as Record<string, unknown>;
  for (const f of ['label', 'title', 'caseTitle', 'alias', 'pseudonym', 'name', 'facility', 'entryId']) if (typeof o[f] === 'string') return o[f] as string;
  return itemKey(i);
};

/** Items of a query without a view of its own: one row each, scalar fields as columns. */
function GenericItems({ items, note }: { items: unknown[]; note: (item: unknown) => string | undefined }) {
  if (items.length === 0) return <Empty>No items.</Empty>;
  const columns = [...new Set(items.flatMap((i) => Object.entries((i ?? {}) as Record<string, unknown>)
    .filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)).map(([k]) => k)))].slice(0, 8);
  return (
    <table class="data-table">
      <thead><tr>{columns.map((c) => <th key={c} scope="col">{humanize(c)}</th>)}</tr></thead>
      <tbody>
        {items.map((i, n) => {
          const o = (i ?? {}) as Record<string, unknown>;
          const text = note(i);
          return (
            <tr key={n} class={text ? 'changed' : undefined}>
              {columns.map((c, k) => <td key={c}>{o[c] === null || o[c] === undefined ? '—' : String(o[c])}{k === 0 && text ? <div class="diff-note">{text}</div> : null}</td>)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

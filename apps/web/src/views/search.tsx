import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Page, ReadAnswer, SearchHit } from '../api/types';
import { ApiError } from '../api/client';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { countryName } from '../format';
import { useTitle } from '../nav/page-focus';
import { pageStack, readParams, withParams } from '../nav/url-state';
import { usePrintMarking } from '../components/print-frame';
import { linkHandler } from '../router';
import { highlight, queryWords } from '../search/highlight';
import { useApp, useQuery } from '../state';

/** The query and page, as they stand in the address (`/search?q=&page=`). */
const DEFAULTS = { q: '', page: '' };
/** Type-ahead: the results follow the box this long after the last keystroke (each search is a logged read). */
export const TYPE_AHEAD_MS = 350;

const KIND_LABEL: Record<SearchHit['kind'], string> = { case: 'Case', person: 'Person', handler: 'Handler abroad', detention: 'Detention' };

/** Enough of a search text to send: the API wants two letters or digits (it answers 400 otherwise). */
export const searchable = (q: string): boolean => (q.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2;

export function SearchView({ search }: { search: string }) {
  const { api, purposes, navigate, session } = useApp();
  const params = useMemo(() => readParams(search, DEFAULTS), [search]);
  const q = params.q.trim();
  useTitle(q ? `Search: ${q}` : 'Search');
  const purpose = purposes.get();
  const [draft, setDraft] = useState(params.q);
  const typing = useRef(false);
  // Back/forward or the header's box changed the address: show the text in force.
  useEffect(() => {
    if (!typing.current) setDraft(params.q);
  }, [params.q]);
  // Type-ahead: the address (and so the results) follows the box, replacing the entry rather than
  // adding one per keystroke.
  useEffect(() => {
    if (draft.trim() === q || (draft.trim() && !searchable(draft))) return;
    typing.current = true;
    const t = setTimeout(() => {
      typing.current = false;
      navigate(withParams('/search', { q: draft.trim(), page: '' }, DEFAULTS), { replace: true });
    }, TYPE_AHEAD_MS);
    return () => clearTimeout(t);
  }, [draft]);
  const cursors = pageStack.parse(params.page);
  const cursor = cursors[cursors.length - 1];
  const result = useQuery(purpose && searchable(q) ? JSON.stringify({ q, cursor, purpose }) : null, (signal, minPosition) =>
    api.get<ReadAnswer<Page<SearchHit>>>('/api/v1/search', { signal, minPosition, purpose, query: { q, limit: 25, cursor } }));
  const hits = result.data?.data.items ?? [];
  usePrintMarking({ kind: 'list', codes: hits.map((h) => h.handlingCode), subject: q ? `Search: ${q}` : 'Search' });
  const setCursors = (stack: string[]) => navigate(withParams('/search', { q, page: pageStack.format(stack) }, DEFAULTS));
  const submit = (e: Event) => {
    e.preventDefault();
    typing.current = false;
    navigate(withParams('/search', { q: draft.trim(), page: '' }, DEFAULTS));
  };

  return (
    <div>
      <h1>Search {q ? <span class="muted small">“{q}”</span> : null}</h1>
      {!purpose ? (
        <Panel title="State your purpose to search"><PurposePrompt set={purposes.set} /></Panel>
      ) : (
        <Panel title="Cases, people and handlers your country may see" id="search-results">
          <form class="filters no-print" role="search" aria-label="Search cases" onSubmit={submit}>
            <div class="field grow">
              <label for="s-q">Search titles, case ids, pseudonyms, aliases, handlers, platforms, facilities</label>
              <input id="s-q" type="search" maxLength={200} value={draft} autoComplete="off"
                onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
            </div>
            <button type="submit" class="primary">Search</button>
          </form>
          {!q ? <Empty>Type at least two letters or digits: a pseudonym, an alias, a handler, a platform such as telegram, a facility, a case title or id.</Empty>
            : !searchable(q) ? <p class="field-error" role="alert">Type at least two letters or digits.</p>
            : result.loading ? <Loading label="Searching…" />
            : result.error && !result.data ? (result.error instanceof ApiError && result.error.status === 400
              ? <p class="field-error" role="alert">{result.error.message}</p> : <ErrorState error={result.error} />)
            : hits.length === 0 ? <Empty>Nothing found for “{q}” in the cases {countryName(session.country)} may see.</Empty>
            : <>
                <p class="muted small" role="status" data-testid="search-count">{hits.length}{result.data?.data.nextCursor ? '+' : ''} {hits.length === 1 ? 'hit' : 'hits'}, best first, grouped by case.</p>
                <SearchResults hits={hits} q={q} />
                <div class="pager no-print">
                  <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>Previous hits</button>
                  <button type="button" disabled={!result.data?.data.nextCursor} onClick={() => result.data?.data.nextCursor && setCursors([...cursors, result.data.data.nextCursor])}>More hits</button>
                </div>
              </>}
        </Panel>
      )}
    </div>
  );
}

/** Hits grouped by case (in the order of each case's best hit), each case with a link naming it. */
export function SearchResults({ hits, q, changed }: { hits: SearchHit[]; q: string; changed?: (hit: SearchHit) => string | undefined }) {
  const { navigate } = useApp();
  const onLink = linkHandler(navigate);
  const words = queryWords(q);
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) groups.set(h.caseId, [...(groups.get(h.caseId) ?? []), h]);
  return (
    <ol class="search-results" data-testid="search-results">
      {[...groups.values()].map((group) => {
        const c = group[0] as SearchHit;
        return (
          <li key={c.caseId} class="search-case">
            <div class="search-case-head">
              <a href={`/cases/${c.caseId}`} onClick={onLink}>Open case {c.caseTitle}</a>
              <HandlingBadge code={c.handlingCode} text={c.handlingText} />
              <span class="muted small">{countryName(c.ownerCountry)}</span>
            </div>
            <ul class="search-hits">
              {group.map((h) => {
                const note = changed?.(h);
                return (
                  <li key={`${h.kind}:${h.refId}`} class={note ? 'changed' : undefined} data-testid="search-hit">
                    <span class="badge kind">{KIND_LABEL[h.kind]}</span>{' '}
                    <Marked text={h.label} words={words} />
                    {h.kind === 'detention' && h.person ? <span class="muted"> · {h.person}</span> : null}
                    {h.also.length ? <span class="muted"> · {h.kind === 'handler' ? 'on ' : 'also '}{h.also.map((a, i) => <span key={a}>{i ? ', ' : ''}<Marked text={a} words={words} /></span>)}</span> : null}
                    {note ? <span class="diff-note"> ({note})</span> : null}
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function Marked({ text, words }: { text: string; words: string[] }) {
  return <>{highlight(text, words).map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

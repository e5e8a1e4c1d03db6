import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AccessEntry, AccessReproduction, CaseReplay, Page, ReadAnswer, VerifyResult } from '../api/types';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { countryName, formatInstant } from '../format';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { Detentions, Extraditions, Handlers, People, Timeline } from './case-parts';
import { replayTimeline } from './case-page';

interface LogFilters {
  officer: string;
  case: string;
  from: string;
  to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `<input type="datetime-local">` gives local time without zone: send it as UTC ISO. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

function NeedsPurpose({ title }: { title: string }) {
  const { purposes } = useApp();
  return <Panel title={title}><PurposePrompt set={purposes.set} /></Panel>;
}

export function AuditLog() {
  const { api, purposes, navigate, session } = useApp();
  const purpose = purposes.get();
  const [draft, setDraft] = useState<LogFilters>({ officer: '', case: '', from: '', to: '' });
  const [filters, setFilters] = useState<LogFilters>(draft);
  const [formError, setFormError] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  // New accesses are not case events, so the live stream does not announce them: refresh on request.
  const [tick, setTick] = useState(0);
  const cursor = cursors[cursors.length - 1];
  const q = useQuery(purpose ? JSON.stringify({ filters, cursor, purpose, tick }) : null, (signal, minPosition) =>
    api.get<ReadAnswer<Page<AccessEntry>>>('/api/v1/audit/access', {
      signal, minPosition, purpose,
      query: { officer: filters.officer.trim(), case: filters.case.trim(), from: toIso(filters.from), to: toIso(filters.to), limit: 25, cursor },
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
    setCursors([]);
    setFilters(draft);
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
          <div class="field"><label for="a-from">From</label>
            <input id="a-from" type="datetime-local" value={draft.from} onInput={(e) => setDraft({ ...draft, from: (e.target as HTMLInputElement).value })} /></div>
          <div class="field"><label for="a-to">Before</label>
            <input id="a-to" type="datetime-local" value={draft.to} onInput={(e) => setDraft({ ...draft, to: (e.target as HTMLInputElement).value })} /></div>
          <button type="submit" class="primary">Apply filters</button>
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
                    <td>{formatInstant(e.accessedAt)}</td>
                    <td>{e.officer.subject}<div class="muted small">{countryName(e.officer.country)}</div></td>
                    <td><code>{e.route}</code><div class="muted small">{e.fieldsClass} · {e.resultCount ?? '—'} results · read at {e.readAt}</div></td>
                    <td>{e.purpose ?? <span class="muted">none (aggregate)</span>}</td>
                    <td>{e.caseIds.length === 0 ? '—' : e.caseIds.slice(0, 3).map((id) => (
                      <div key={id}><a href={`/audit/cases/${id}`} onClick={onLink} title={`Replay case ${id}`}>{id.slice(0, 8)}…</a></div>
                    ))}{e.caseIds.length > 3 ? <div class="muted small">+{e.caseIds.length - 3} more</div> : null}</td>
                    <td><a href={`/audit/access/${e.entryId}`} onClick={onLink}>Reproduce</a></td>
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

export function AuditReplay({ caseId }: { caseId: string }) {
  const { api, purposes, navigate } = useApp();
  const purpose = purposes.get(caseId);
  const latest = useQuery(purpose ? `replay-latest-${caseId}-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<CaseReplay>>(`/api/v1/audit/cases/${caseId}`, { signal, minPosition, purpose }));
  const timeline = latest.data?.data.timeline ?? [];
  const [index, setIndex] = useState<number | undefined>();
  const last = timeline.length - 1;
  const at = index === undefined || index > last ? last : index;
  const asOf = timeline[at]?.position;
  // Debounced: dragging the slider should not send a request per pixel.
  const [settled, setSettled] = useState<string | undefined>();
  useEffect(() => {
    const t = setTimeout(() => setSettled(asOf), 200);
    return () => clearTimeout(t);
  }, [asOf]);
  const [view, setView] = useState<CaseReplay | undefined>();
  const [error, setError] = useState<Error | undefined>();
  useEffect(() => {
    if (!purpose || settled === undefined) return;
    const c = new AbortController();
    api.get<ReadAnswer<CaseReplay>>(`/api/v1/audit/cases/${caseId}`, { purpose, signal: c.signal, query: { asOf: settled } })
      .then((r) => { setView(r.data); setError(undefined); }, (e: Error) => { if (e.name !== 'AbortError') setError(e); });
    return () => c.abort();
  }, [settled, purpose, caseId]);
  const [verify, setVerify] = useState<VerifyResult | undefined>();
  const [verifyError, setVerifyError] = useState<Error | undefined>();
  const [verifying, setVerifying] = useState(false);
  const runVerify = () => {
    setVerifying(true);
    setVerifyError(undefined);
    api.get<ReadAnswer<VerifyResult>>('/api/v1/audit/verify', { query: { case: caseId }, purpose })
      .then((r) => setVerify(r.data), setVerifyError)
      .finally(() => setVerifying(false));
  };
  const onLink = linkHandler(navigate);
  const items = useMemo(() => replayTimeline(view?.timeline ?? []), [view]);

  if (!purpose) {
    return <div><p><a href="/audit" onClick={onLink}>← Audit</a></p><Panel title="State your purpose to replay this case"><PurposePrompt caseId={caseId} set={purposes.set} /></Panel></div>;
  }
  if (latest.loading) return <Loading label="Loading the case's event log…" />;
  if (latest.error && !latest.data) return <div><p><a href="/audit" onClick={onLink}>← Audit</a></p><ErrorState error={latest.error} /></div>;
  const d = view?.detail;
  const current = timeline[at];
  return (
    <div class="replay">
      <p><a href="/audit" onClick={onLink}>← Audit</a> · <a href={`/cases/${caseId}`} onClick={onLink}>Live case page</a></p>
      <h1>Case replay {latest.data?.data.detail ? <span class="muted small">{latest.data.data.detail.title}</span> : null}</h1>
      <Panel title="As of" id="as-of">
        {timeline.length === 0 ? <Empty>The case has no events.</Empty> : (
          <>
            <label for="asof-slider">Event {at + 1} of {timeline.length}: <strong>{current?.type}</strong> recorded {formatInstant(current?.recordedAt)}</label>
            <div class="slider-row">
              <button type="button" aria-label="Previous event" disabled={at <= 0} onClick={() => setIndex(Math.max(0, at - 1))}>◀</button>
              <input id="asof-slider" type="range" min={0} max={last} step={1} value={at}
                aria-valuetext={`Event ${at + 1} of ${timeline.length}: ${current?.type ?? ''}`}
                onInput={(e) => setIndex(Number((e.target as HTMLInputElement).value))} />
              <button type="button" aria-label="Next event" disabled={at >= last} onClick={() => setIndex(Math.min(last, at + 1))}>▶</button>
            </div>
            <p class="footnote" data-testid="replay-position">Showing what the log held at position {view?.position ?? '…'} ({view?.eventCount ?? '…'} events){settled !== asOf ? ' — updating…' : ''}</p>
          </>
        )}
      </Panel>
      {error ? <ErrorState error={error} /> : !view ? <Loading /> : !d ? <Empty>The case did not exist yet.</Empty> : (
        <>
          <div class={`handling-banner handling-${d.handlingCode.toLowerCase()}`} role="note"><HandlingBadge code={d.handlingCode} text={d.handlingText} large /></div>
          <Panel title="Detentions as of then" id="replay-detentions"><Detentions detentions={d.detentions} persons={d.persons} /></Panel>
          <div class="grid">
            <Panel title="People as of then" id="replay-people"><People persons={d.persons} /></Panel>
            <Panel title="Handlers as of then" id="replay-handlers"><Handlers handlers={d.handlers} persons={d.persons} /></Panel>
            <Panel title="Extraditions as of then" id="replay-extraditions"><Extraditions extraditions={d.extraditions} persons={d.persons} /></Panel>
          </div>
          <Panel title="Events up to then" id="replay-timeline">
            <div class="scroll-box" tabIndex={0} aria-label="Events up to then, newest first">
              <Timeline items={[...items].reverse()} source="From the event log, newest first, with the acting officer and country." />
            </div>
          </Panel>
        </>
      )}
      <Panel title="Integrity" id="verify" actions={<button type="button" onClick={runVerify} disabled={verifying}>{verifying ? 'Verifying…' : 'Verify hash chain'}</button>}>
        {verifyError ? <ErrorState error={verifyError} /> : !verify ? <p class="muted">Checks every event's hash and link in this case's stream.</p> : (
          <p class={verify.ok ? 'verify-ok' : 'verify-bad'} role="status" data-testid="verify-result">
            {verify.ok ? `✔ Chain intact: ${verify.events} events in ${verify.stream}` : `✘ Broken at revision ${verify.firstBreak?.revision} (${verify.firstBreak?.reason}); ${verify.breaks.length} break(s)`}
          </p>
        )}
      </Panel>
    </div>
  );
}

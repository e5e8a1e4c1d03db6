import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CaseReplay, ReadAnswer, VerifyResult } from '../api/types';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { formatInstant } from '../format';
import { useTitle } from '../nav/page-focus';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { Detentions, Extraditions, Handlers, People, Timeline } from './case-parts';
import { replayTimeline } from './case-page';

/** A case as the event log held it at any past event (owning country's supervisors). */
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
  useTitle(`Case replay${latest.data?.data.detail ? `: ${latest.data.data.detail.title}` : ''}`);

  if (!purpose) {
    return <div><p><a href="/audit" onClick={onLink}>← Audit</a></p><h1>Case replay</h1><Panel title="State your purpose to replay this case"><PurposePrompt caseId={caseId} set={purposes.set} /></Panel></div>;
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

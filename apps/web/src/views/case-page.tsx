import { useState } from 'preact/hooks';
import type { CaseDetail, CaseReplay, ReadAnswer, ReplayTimelineEntry } from '../api/types';
import { can } from '../auth/auth-provider';
import { PurposePrompt } from '../components/purpose';
import { ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { usePrintMarking } from '../components/print-frame';
import { Time } from '../components/time';
import { countryName, formatInstant, humanize } from '../format';
import { useTitle } from '../nav/page-focus';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { Detentions, Extraditions, Handlers, People, Timeline, timelineFromDetail } from './case-parts';
import type { TimelineItem } from './case-parts';

export function replayTimeline(entries: ReplayTimelineEntry[]): TimelineItem[] {
  return entries.map((e) => ({
    at: e.occurredAt ?? e.recordedAt,
    what: humanize(e.type.replace(/([a-z])([A-Z])/g, '$1 $2')).replace(/^./, (c) => c.toUpperCase()),
    detail: e.occurredAt && e.occurredAt !== e.recordedAt ? `recorded ${formatInstant(e.recordedAt)}` : undefined,
    who: e.actor ?? undefined,
    country: e.country ?? undefined,
    position: e.position,
  }));
}

export function CasePage({ caseId }: { caseId: string }) {
  const { api, purposes, session, navigate } = useApp();
  const purpose = purposes.get(caseId);
  // LED Art. 16(3): restricted persons are shown only when asked for; the read records the purpose with it.
  const [showRestricted, setShowRestricted] = useState(false);
  const q = useQuery(purpose ? `case-${caseId}-${purpose}-${showRestricted}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<CaseDetail>>(`/api/v1/cases/${caseId}`, {
      signal, minPosition, purpose, query: showRestricted ? { includeRestricted: 'true' } : undefined,
    }));
  const c = q.data?.data;
  // The audit replay (with who did what) answers only the owning country's supervisors.
  const replayable = !!c && can.audit(session) && c.ownerCountry === session.country;
  // The dated timeline comes first for everyone; the raw log is read (and logged) only when opened.
  const [showRaw, setShowRaw] = useState(false);
  const replay = useQuery(replayable && showRaw && purpose ? `replay-${caseId}-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<CaseReplay>>(`/api/v1/audit/cases/${caseId}`, { signal, minPosition, purpose }));
  const onLink = linkHandler(navigate);
  useTitle(c ? c.title : 'Case');
  usePrintMarking(c ? { kind: 'case', caseId, title: c.title, code: c.handlingCode, text: c.handlingText } : undefined);

  if (!purpose) {
    return (
      <div>
        <p><a href="/cases" onClick={onLink}>← All cases</a></p>
        <h1>Open a case</h1>
        <Panel title="State your purpose to open this case"><PurposePrompt caseId={caseId} set={purposes.set} /></Panel>
      </div>
    );
  }
  if (q.loading) return <Loading label="Loading case…" />;
  if (!c) return <div><p><a href="/cases" onClick={onLink}>← All cases</a></p>{q.error ? <ErrorState error={q.error} /> : null}</div>;

  return (
    <article class="case-page" aria-labelledby="case-title">
      <div class="view-header">
        <p class="back-link"><a href="/cases" onClick={onLink}>← All cases</a></p>
        <button type="button" class="no-print" onClick={() => print()}>Print case</button>
      </div>
      <div class={`handling-banner handling-${c.handlingCode.toLowerCase()}`} role="note" aria-label="Handling code">
        <HandlingBadge code={c.handlingCode} text={c.handlingText} large />
        {c.handlingCode === 'H3' && c.handlingText ? <p class="h3-text" data-testid="h3-text"><strong>Handling instructions:</strong> {c.handlingText}</p> : null}
      </div>
      <h1 id="case-title">{c.title}</h1>
      <dl class="facts">
        <div><dt>Owner</dt><dd>{countryName(c.ownerCountry)}</dd></div>
        <div><dt>Offence</dt><dd>{c.offenceCategory}</dd></div>
        <div><dt>Status</dt><dd><span class={`status status-${c.status}`}>{c.status}</span>{c.statusReason ? ` — ${c.statusReason}` : ''}</dd></div>
        <div><dt>Your access</dt><dd>{c.access}</dd></div>
        <div><dt>Opened</dt><dd><Time iso={c.openedAt} /> by {c.openedBy}</dd></div>
        <div><dt>Last activity</dt><dd><Time iso={c.lastEventAt} /></dd></div>
      </dl>
      <Panel title="Sharing" id="sharing">
        {c.sharing.length === 0 ? (
          <p class="state state-empty">{c.access === 'owner' ? 'Not shared with any other country.' : `Shared with ${countryName(session.country)}.`}</p>
        ) : (
          <ul class="sharing-list">
            {c.sharing.map((s) => <li key={s.country}><span class="badge share">{countryName(s.country)}: {s.level}</span></li>)}
          </ul>
        )}
        {c.access !== 'owner' ? <p class="footnote">Only the owning country sees every partner a case is shared with.</p> : null}
      </Panel>
      <div class="grid">
        <Panel title="People" id="people">
          {c.restrictedPersonsWithheld ? (
            <p class="restriction-mark" data-testid="restricted-withheld">
              {c.restrictedPersonsWithheld} {c.restrictedPersonsWithheld === 1 ? 'person is' : 'persons are'} restricted (LED Art. 16(3)) and not shown.{' '}
              <button type="button" class="no-print" onClick={() => setShowRestricted(true)}>Show, for my stated purpose</button>
            </p>
          ) : null}
          <People persons={c.persons} />
        </Panel>
        <Panel title="Detentions" id="case-detentions"><Detentions detentions={c.detentions} persons={c.persons} /></Panel>
        <Panel title="Handlers abroad" id="case-handlers"><Handlers handlers={c.handlers} persons={c.persons} /></Panel>
        <Panel title="Extraditions" id="case-extraditions"><Extraditions extraditions={c.extraditions} persons={c.persons} /></Panel>
      </div>
      <Panel title="Timeline" id="timeline" actions={replayable ? <a href={`/audit/cases/${caseId}`} onClick={onLink}>Replay as of a past time</a> : undefined}>
        <Timeline items={timelineFromDetail(c)} source="From the case detail: dated facts as recorded; who recorded each is in the raw event log (owning country's supervisors)." />
        {replayable ? (
          <details class="raw-events no-print" onToggle={(e) => setShowRaw((e.currentTarget as HTMLDetailsElement).open)}>
            <summary>Raw event log, with who recorded each event</summary>
            {!showRaw ? null : replay.loading ? <Loading /> : replay.error && !replay.data ? <ErrorState error={replay.error} /> : replay.data ? (
              <div class="scroll-box" tabIndex={0} aria-label="Raw event log">
                <Timeline items={replayTimeline(replay.data.data.timeline)} source="From the event log (audit replay): every recorded event with the acting officer and country." />
              </div>
            ) : null}
          </details>
        ) : null}
      </Panel>
    </article>
  );
}

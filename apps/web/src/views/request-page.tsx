import type { InformationRequestDetail } from '../api/request-types';
import type { ReadAnswer } from '../api/types';
import { useNow } from '../components/countdown';
import { usePrintMarking } from '../components/print-frame';
import { PurposePrompt } from '../components/purpose';
import { Loading, NotVisible, Panel } from '../components/states';
import { Time } from '../components/time';
import { countryName } from '../format';
import { useTitle } from '../nav/page-focus';
import { directionText, groundLabel, RULE_LABELS, STATUS_LABELS, stepText, URGENCY_REASON_LABELS } from '../requests/labels';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { LinkedCase, RequestClockView, useCaseIndex } from './request-parts';

/** One information request as either of its two countries sees it: its clock, its facts and every recorded step. */
export function RequestPage({ requestId }: { requestId: string }) {
  const { api, purposes, navigate } = useApp();
  const purpose = purposes.get();
  const q = useQuery(purpose ? `request-${requestId}-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<InformationRequestDetail>>(`/api/v1/information-requests/${requestId}`, { signal, minPosition, purpose }));
  const cases = useCaseIndex(purpose);
  const now = useNow();
  const onLink = linkHandler(navigate);
  const r = q.data?.data;
  useTitle(r ? directionText(r) : 'Information request');
  // Printed under the linked case's handling code, if the viewer may see that case.
  const linked = r?.caseId ? cases.index.get(r.caseId) : undefined;
  usePrintMarking(r ? { kind: 'list', codes: linked ? [linked.handlingCode] : [], text: linked?.handlingText ?? null,
    subject: `${directionText(r)}: ${r.informationSought.slice(0, 60)}` } : undefined);
  const back = (
    <p class="back-link no-print">
      <a href={r?.direction === 'outgoing' ? '/requests?direction=outgoing' : '/requests'} onClick={onLink}>← {r?.direction === 'outgoing' ? 'Outgoing' : 'Incoming'} requests</a>
    </p>
  );

  if (!purpose) return <div>{back}<h1>Open an information request</h1><Panel title="State your purpose to open this request"><PurposePrompt set={purposes.set} /></Panel></div>;
  if (q.loading) return <Loading label="Loading request…" />;
  if (!r) {
    return (
      <div>
        {back}
        <NotVisible error={q.error} title="Request not found" testId="request-not-found">
          There is no such request, or your country is not one of its two countries: only the requesting and the requested country see a request.
        </NotVisible>
      </div>
    );
  }

  return (
    <article class="request-page" aria-labelledby="request-title">
      <>
        {back}
        <div class="view-header">
          <h1 id="request-title">{directionText(r)} <span class={`status status-${r.status}`}>{STATUS_LABELS[r.status] ?? r.status}</span></h1>
          <button type="button" class="no-print" onClick={() => print()}>Print request</button>
        </div>
        <div class="clock-banner" data-testid="request-clock">
          <RequestClockView entry={r} now={now} long />
        </div>
        <dl class="facts">
          <div><dt>Requesting country</dt><dd>{countryName(r.requestingCountry)}</dd></div>
          <div><dt>Requested country</dt><dd>{countryName(r.requestedCountry)}</dd></div>
          <div><dt>Requesting authority</dt><dd>{r.requestingAuthority}</dd></div>
          <div><dt>Urgency</dt><dd>{r.urgent ? `Urgent — ${URGENCY_REASON_LABELS[r.urgencyReason ?? ''] ?? r.urgencyReason ?? 'reason not stated'}` : 'Not urgent'}</dd></div>
          <div><dt>Information</dt><dd>{r.access === 'indirect' ? 'Indirectly accessible' : 'Directly accessible'} to the requested side</dd></div>
          <div><dt>Time limit</dt><dd>{RULE_LABELS[r.rule] ?? r.rule}</dd></div>
          <div><dt>Received</dt><dd><Time iso={r.receivedAt} /></dd></div>
          <div><dt>Deadline as filed</dt><dd><Time iso={r.originalDeadlineAt} /> <span class="muted small">(calendar days in {r.timeZone})</span></dd></div>
          <div><dt>Deadline in force</dt><dd>{r.deadlineInForce ? <Time iso={r.deadlineInForce} /> : <span class="muted">moves while the clock stands still</span>}</dd></div>
          <div><dt>Language · channel</dt><dd>{r.language.toUpperCase()} · {r.channel === 'siena' ? 'SIENA' : r.channel}</dd></div>
          <div><dt>Linked case</dt><dd><LinkedCase caseId={r.caseId} index={cases.index} owner={r.requestingCountry} /></dd></div>
          {r.forwardedTo ? <div><dt>Forwarded to</dt><dd>{r.forwardedTo} (<Time iso={r.forwardedAt} />)</dd></div> : null}
        </dl>
        <Panel title="What is asked, and why" id="request-sought">
          <p class="sought" data-testid="information-sought">{r.informationSought}</p>
          <h3>Purpose</h3>
          <p>{r.purpose}</p>
        </Panel>
        {r.refusalGrounds.length > 0 ? (
          <Panel title={r.partiallyRefused ? 'Refused in part' : 'Refused'} id="request-refusal">
            <ul class="refusal-grounds" data-testid="refusal-grounds">
              {r.refusalGrounds.map((g, i) => <li key={i}><strong>{groundLabel(g.ground)}</strong>{g.reason ? <div>{g.reason}</div> : null}</li>)}
            </ul>
            <p class="footnote">A request may be refused only on the grounds of Art. 6(1), with reasons, within the time limits of Art. 5(1) (Art. 6(2)).</p>
          </Panel>
        ) : null}
        <Panel title="Steps" id="request-steps">
          <p class="footnote">Every recorded step with its own time, and the country that recorded it.</p>
          <ol class="timeline" data-testid="request-steps">
            {r.steps.map((s, i) => {
              const t = stepText(s);
              return (
                <li key={i}>
                  {s.at ? <Time iso={s.at} /> : <span class="muted small">time not recorded</span>}
                  <div>
                    <strong>{t.what}</strong>
                    {t.detail.map((line, j) => <div key={j} class="muted">{line}</div>)}
                    {s.country ? <div class="small">recorded by {countryName(s.country)}</div> : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </Panel>
      </>
    </article>
  );
}

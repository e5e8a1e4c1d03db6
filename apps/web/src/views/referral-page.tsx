import type { ReferralDetail } from '../api/referral-types';
import type { ReadAnswer } from '../api/types';
import { PurposePrompt } from '../components/purpose';
import { Loading, NotVisible, Panel } from '../components/states';
import { Time } from '../components/time';
import { countryName, humanize } from '../format';
import { platformLabel } from '../platforms/figures';
import { recordedTimeline } from '../platforms/referral-timeline';
import { useTitle } from '../nav/page-focus';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';

export function ReferralPage({ referralId }: { referralId: string }) {
  const { api, purposes, navigate } = useApp();
  const purpose = purposes.get();
  const q = useQuery(purpose ? `referral-${referralId}-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<ReferralDetail>>(`/api/v1/referrals/${referralId}`, { signal, minPosition, purpose }));
  const onLink = linkHandler(navigate);
  useTitle('Referral');
  const back = <p><a href="/referrals" onClick={onLink}>← All referrals</a></p>;

  if (!purpose) return <div>{back}<Panel title="State your purpose to open this referral"><PurposePrompt set={purposes.set} /></Panel></div>;
  if (q.loading) return <Loading label="Loading referral…" />;
  const r = q.data?.data;
  if (!r) {
    return (
      <div>
        {back}
        <NotVisible error={q.error} title="Referral not found" testId="referral-not-found">
          There is no such referral, or it is not visible to your country (referred or joined by it, or linked to a case shared with it).
        </NotVisible>
      </div>
    );
  }

  const steps = recordedTimeline(r, Date.now());
  return (
    <article aria-labelledby="referral-title">
      {back}
      <h1 id="referral-title">{platformLabel(r.platform, r.platformName)} referral <span class={`status status-${r.status}`}>{humanize(r.status)}</span></h1>
      <dl class="facts">
        <div><dt>Content</dt><dd><code data-testid="locator">{r.locator}</code></dd></div>
        <div><dt>Basis</dt><dd>{r.basis === 'removal_order' ? 'Removal order (Reg. 2021/784, one hour)' : 'Terms-of-service referral'}</dd></div>
        <div><dt>Kind</dt><dd>{humanize(r.contentKind)}</dd></div>
        <div><dt>Referred by</dt><dd>{countryName(r.originCountry)}{r.originUnit ? `, ${r.originUnit}` : ''}</dd></div>
        <div><dt>Round</dt><dd>{r.round}</dd></div>
        {r.caseId ? <div><dt>Case</dt><dd><a href={`/cases/${r.caseId}`} onClick={onLink}>Open case</a></dd></div> : null}
        {r.actionDayId ? <div><dt>Action day</dt><dd><a href={`/referrals?actionDayId=${r.actionDayId}`} onClick={onLink}>Referrals of the day</a></dd></div> : null}
      </dl>
      <Panel title="Timeline" id="referral-timeline">
        <p class="footnote">Every recorded step with its own time; a reappearance starts a new round.</p>
        <ol class="timeline" data-testid="referral-timeline">
          {steps.map((s, i) => (
            <li key={i} class={s.mark ? `step-${s.mark}` : undefined}>
              {s.at ? <Time iso={s.at} /> : <span class="muted small">date not recorded</span>}
              <div>
                <strong>{s.what}</strong>
                {s.mark === 'overdue' ? <span class="badge overdue-badge">overdue</span> : s.mark === 'due' ? <span class="badge due-badge">pending</span> : null}
                {s.detail ? <div class="muted">{s.detail}</div> : null}
              </div>
            </li>
          ))}
        </ol>
      </Panel>
    </article>
  );
}

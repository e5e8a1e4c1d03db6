import type { CaseDetail, DetentionView, ExtraditionView, HandlerView, PersonView } from '../api/types';
import { Empty } from '../components/states';
import { Time, Deadline } from '../components/time';
import { countryName, formatDate, formatInstant, humanize, personLabel } from '../format';

export interface TimelineItem {
  at: string;
  what: string;
  detail?: string;
  /** Acting officer and country, when the source knows them. */
  who?: string;
  country?: string;
  position?: string;
}

/**
 * What the case detail itself tells about the case's history (for identities without the audit
 * replay): the facts carry their own dates, but not who recorded them.
 */
const FIELD_LABELS: Record<string, string> = { name: 'Name', pseudonym: 'Pseudonym', birthYear: 'Birth year', aliases: 'Aliases' };

export function timelineFromDetail(c: CaseDetail): TimelineItem[] {
  const name = new Map(c.persons.map((p) => [p.personId, personLabel(p)]));
  const items: TimelineItem[] = [{ at: c.openedAt, what: 'Case opened', who: c.openedBy, country: c.ownerCountry }];
  for (const d of c.detentions) {
    items.push({ at: d.detainedAt, what: `Detained in ${countryName(d.holdingCountry)}`, detail: `${name.get(d.personId) ?? ''} · ${d.facility}` });
    if (d.endedAt) items.push({ at: d.endedAt, what: `Detention ended (${d.outcome ?? 'ended'})`, detail: name.get(d.personId) });
  }
  for (const p of c.persons) {
    for (const r of p.retractedNationalities) items.push({ at: r.retractedAt, what: `Nationality ${r.country} retracted`, detail: `${personLabel(p)}: ${r.reason}` });
    for (const k of p.corrections ?? []) {
      items.push({ at: k.correctedAt, what: `${FIELD_LABELS[k.field] ?? k.field} corrected`, detail: personLabel(p), who: k.correctedBy, country: k.correctedByCountry });
    }
    if (p.restriction) items.push({ at: p.restriction.since, what: `Processing restricted (${humanize(p.restriction.ground)})`, detail: personLabel(p) });
  }
  for (const e of c.extraditions) {
    const who = name.get(e.personId);
    items.push({ at: e.sentAt, what: `Extradition requested ${e.requestingCountry} → ${e.requestedCountry}`, detail: `${who ?? ''} · ${humanize(e.route)}` });
    if (e.consentedAt) items.push({ at: e.consentedAt, what: 'Consent to extradition recorded', detail: who });
    for (const s of e.stages) items.push({ at: s.reachedAt, what: `Extradition stage: ${humanize(s.stage)}`, detail: who });
    if (e.decision) items.push({ at: e.decision.decidedAt, what: `Extradition ${e.decision.outcome}`, detail: e.decision.grounds });
    if (e.surrenderedAt) items.push({ at: e.surrenderedAt, what: 'Person surrendered', detail: who });
  }
  if (c.status === 'closed') items.push({ at: c.lastEventAt, what: 'Case closed', detail: c.statusReason ?? undefined });
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function Timeline({ items, source }: { items: TimelineItem[]; source: string }) {
  if (items.length === 0) return <Empty>No events.</Empty>;
  return (
    <>
      <p class="footnote">{source}</p>
      <ol class="timeline" data-testid="timeline">
        {items.map((t, i) => (
          <li key={`${t.at}-${i}`}>
            <Time iso={t.at} />
            <div>
              <strong>{t.what}</strong>
              {t.detail ? <div class="muted">{t.detail}</div> : null}
              {t.who || t.country ? (
                <div class="small">by {t.who ?? 'unknown'}{t.country ? ` (${countryName(t.country)})` : ''}{t.position ? <span class="muted"> · position {t.position}</span> : null}</div>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Marks a row that differs from the same question asked now (reproduced-access view). */
export type RowNote = (key: string) => string | undefined;

function Note({ text }: { text: string | undefined }) {
  return text ? <div class="diff-note">{text}</div> : null;
}

const evalText = (e: { source: string; information: number } | null) => (e ? `${e.source}${e.information}` : '—');

export function People({ persons, note }: { persons: PersonView[]; note?: RowNote }) {
  if (persons.length === 0) return <Empty>No people registered.</Empty>;
  return (
    <table class="data-table">
      <thead><tr><th scope="col">Person</th><th scope="col">Category</th><th scope="col">Born</th><th scope="col">Nationalities (evaluation)</th></tr></thead>
      <tbody>
        {persons.map((p) => (
          <tr key={p.personId} class={note?.(p.personId) ? 'changed' : undefined}>
            <td>
              {personLabel(p)}{p.aliases?.length ? <div class="muted small">also known as {p.aliases.join(', ')}</div> : null}<Note text={note?.(p.personId)} />
              {p.erased ? <div class="muted small" data-testid="person-erased">Personal data erased {formatInstant(p.erased.at)} ({humanize(p.erased.legalBasis)})</div> : null}
              {p.restriction ? <div class="restriction-mark" data-testid="restriction-mark">Processing restricted ({p.restriction.ground.replace(/-/g, ' ')}) since {formatInstant(p.restriction.since)}</div> : null}
              {p.corrections?.map((c) => (
                <div key={c.field} class="muted small" data-testid="correction">{FIELD_LABELS[c.field] ?? c.field} corrected on {formatInstant(c.correctedAt)} by {c.correctedBy} ({countryName(c.correctedByCountry)})</div>
              ))}
            </td>
            <td>{p.category}</td>
            <td>{p.birthYear ?? '—'}</td>
            <td>
              {p.nationalities.map((n) => `${n.country} (${evalText(n.evaluation)})`).join(', ') || '—'}
              {p.retractedNationalities.length ? <div class="muted small">Retracted: {p.retractedNationalities.map((r) => r.country).join(', ')}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Detentions({ detentions, persons, note }: { detentions: DetentionView[]; persons: PersonView[]; note?: RowNote }) {
  if (detentions.length === 0) return <Empty>No detentions recorded.</Empty>;
  const name = new Map(persons.map((p) => [p.personId, personLabel(p)]));
  return (
    <table class="data-table">
      <thead><tr><th scope="col">Person</th><th scope="col">Held in</th><th scope="col">Detained</th><th scope="col">Next review / ended</th><th scope="col">Status</th></tr></thead>
      <tbody>
        {detentions.map((d) => (
          <tr key={d.detentionId} data-detention-id={d.detentionId} class={note?.(d.detentionId) ? 'changed' : undefined}>
            <td>{name.get(d.personId) ?? d.personId.slice(0, 8)}<Note text={note?.(d.detentionId)} /></td>
            <td>{countryName(d.holdingCountry)}<div class="muted small">{d.facility} · {d.legalBasis}</div></td>
            <td><Time iso={d.detainedAt} /></td>
            <td>{d.status === 'open' ? <>Review <Deadline iso={d.nextCustodyReviewAt} /></> : `${formatDate(d.endedAt)} (${d.outcome ?? ''})`}</td>
            <td><span class={`status status-${d.status}`}>{d.status}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Handlers({ handlers, persons, note }: { handlers: HandlerView[]; persons: PersonView[]; note?: RowNote }) {
  if (handlers.length === 0) return <Empty>No handlers abroad identified.</Empty>;
  const name = new Map(persons.map((p) => [p.personId, personLabel(p)]));
  return (
    <table class="data-table">
      <thead><tr><th scope="col">Alias</th><th scope="col">Believed in</th><th scope="col">Platforms</th><th scope="col">Evaluation</th><th scope="col">Linked persons</th></tr></thead>
      <tbody>
        {handlers.map((h) => (
          <tr key={h.handlerId} class={note?.(h.handlerId) ? 'changed' : undefined}>
            <td>{h.alias}<Note text={note?.(h.handlerId)} /></td>
            <td>{countryName(h.believedCountry)}</td>
            <td>{h.platforms.join(', ')}</td>
            <td>{evalText(h.evaluation)}</td>
            <td>{h.linkedPersons.map((l) => `${name.get(l.personId) ?? l.personId.slice(0, 8)} (${l.relations.join(', ')})`).join('; ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Extraditions({ extraditions, persons, note }: { extraditions: ExtraditionView[]; persons: PersonView[]; note?: RowNote }) {
  if (extraditions.length === 0) return <Empty>No extradition requests.</Empty>;
  const name = new Map(persons.map((p) => [p.personId, personLabel(p)]));
  const now = new Date().toISOString();
  return (
    <table class="data-table">
      <thead><tr><th scope="col">Person</th><th scope="col">Route</th><th scope="col">Stage</th><th scope="col">Deadline</th><th scope="col">Decision</th></tr></thead>
      <tbody>
        {extraditions.map((e) => {
          const last = e.stages[e.stages.length - 1];
          const deadline = last?.deadlineAt ?? e.consentDecisionDeadlineAt;
          const overdue = !!deadline && deadline < now && !e.surrenderedAt;
          return (
            <tr key={e.extraditionId} class={[overdue ? 'overdue' : '', note?.(e.extraditionId) ? 'changed' : ''].join(' ').trim() || undefined}>
              <td>{name.get(e.personId) ?? e.personId.slice(0, 8)}<Note text={note?.(e.extraditionId)} /></td>
              <td>{e.requestingCountry} → {e.requestedCountry}<div class="muted small">{humanize(e.route)}</div></td>
              <td>{e.surrenderedAt ? 'surrendered' : humanize(e.currentStage ?? 'requested')}</td>
              <td>{deadline ? <><Deadline iso={deadline} dateOnly done={!!e.surrenderedAt || !!e.decision} />{overdue ? <span class="badge overdue-badge">overdue</span> : null}</> : '—'}</td>
              <td>{e.decision ? `${e.decision.outcome} ${formatDate(e.decision.decidedAt)}` : 'pending'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import type Database from 'better-sqlite3';
import { visibleTo } from '../../access/access-policy.js';
import { evaluationOf, prepared } from '../shared/read-model-helpers.js';
import {
  restrictionColumns, restrictionOf, unrestricted, type RestrictionMarker, type RestrictionOption,
} from '../shared/restrictions.js';
import { correctionsOf, type Correction } from './person-corrections.js';

type Evaluation = { source: string; information: number } | null;

export interface PersonView {
  personId: string;
  category: string;
  name: string | null;
  pseudonym: string | null;
  /**
   * Further names the person is known by; absent when none were recorded, so answers about persons
   * without aliases are exactly what they were before aliases existed (their access records'
   * hashes still reproduce).
   */
  aliases?: string[];
  birthYear: number | null;
  /** Present once the person's personal data is erased (ADR 19): name, pseudonym, aliases and birth year are then null/absent. */
  erased?: { at: string; legalBasis: string };
  /** Current nationalities only. */
  nationalities: { country: string; evaluation: Evaluation }[];
  /** Retracted nationalities, kept so officers see what was corrected. */
  retractedNationalities: { country: string; reason: string; retractedAt: string }[];
  /** Present only while processing is restricted (LED Art. 16(3)); such persons are listed only when asked for. */
  restriction?: RestrictionMarker;
  /** Present only for persons whose data was rectified: the last correction of each field, when and by whom. */
  corrections?: Correction[];
}

export interface DetentionView {
  detentionId: string; personId: string; holdingCountry: string; facility: string; legalBasis: string;
  detainedAt: string; nextCustodyReviewAt: string; status: 'open' | 'ended'; endedAt: string | null; outcome: string | null;
}

export interface HandlerView {
  handlerId: string; alias: string; believedCountry: string; platforms: string[]; evaluation: Evaluation;
  linkedPersons: { personId: string; relations: string[] }[];
}

export interface ExtraditionView {
  extraditionId: string; personId: string; route: string; requestingCountry: string; requestedCountry: string;
  sentAt: string; consentedAt: string | null; consentDecisionDeadlineAt: string | null; currentStage: string | null;
  stages: { stage: string; reachedAt: string; deadlineAt: string | null; deadlineFor: string | null }[];
  decision: { outcome: string; grounds: string; decidedAt: string } | null;
  surrenderedAt: string | null;
}

export interface CaseDetailParts {
  persons: PersonView[];
  detentions: DetentionView[];
  handlers: HandlerView[];
  extraditions: ExtraditionView[];
  /** How many restricted persons (with their detentions, extraditions, handler links) this answer leaves out; absent when none. */
  restrictedPersonsWithheld?: number;
}

type Params = { viewerCountry: string; caseId: string };

function groupBy<R, K extends keyof R>(rows: R[], key: K): Map<R[K], R[]> {
  const m = new Map<R[K], R[]>();
  for (const r of rows) {
    const list = m.get(r[key]);
    if (list) list.push(r);
    else m.set(r[key], [r]);
  }
  return m;
}

/** The case's children; every statement repeats the visibility filter so none can be reused unguarded. */
export function caseDetailParts(db: Database.Database, p: Params, option: RestrictionOption = {}): CaseDetailParts {
  // Restricted persons, their detentions, extraditions and handler links are left out unless asked for
  // ($SHOWN), and marked when shown.
  const shown = option.includeRestricted ? '1' : unrestricted('t');
  const all = <R>(sql: string): R[] => prepared(db, `${sql.replace('$VISIBLE', visibleTo('t')).replace('$SHOWN', shown)}`).all(p) as R[];
  const corrections = correctionsOf(db, p.caseId);
  const nats = groupBy(all<{ personId: string; country: string; source: string; information: number; reason: string | null; at: string | null }>(
    `SELECT t.person_id AS personId, t.country, t.source, t.information, t.retracted_reason AS reason, t.retracted_at AS at
     FROM nationalities t WHERE t.case_id = @caseId AND $VISIBLE ORDER BY t.person_id, t.country`), 'personId');
  type PersonRow = Omit<PersonView, 'nationalities' | 'retractedNationalities' | 'aliases' | 'restriction' | 'erased'>
    & { aliases: string; restrictionGround: string | null; restrictedSince: string | null; erasedAt: string | null; erasureBasis: string | null };
  const persons = all<PersonRow>(
    `SELECT t.person_id AS personId, t.category, t.name, t.pseudonym, t.aliases, t.birth_year AS birthYear, ${restrictionColumns('t')},
       t.erased_at AS erasedAt, t.erasure_basis AS erasureBasis
     FROM persons t WHERE t.case_id = @caseId AND $VISIBLE AND $SHOWN ORDER BY t.person_id`).map((r) => {
    const own = nats.get(r.personId) ?? [];
    const { aliases: rawAliases, restrictionGround, restrictedSince, erasedAt, erasureBasis, ...rest } = r;
    const personCorrections = corrections.get(r.personId);
    const aliases = JSON.parse(rawAliases) as string[];
    return {
      ...rest,
      ...(aliases.length ? { aliases } : {}),
      // Absent unless erased, so earlier answers (and their access records' hashes) stay as they were.
      ...(erasedAt ? { erased: { at: erasedAt, legalBasis: erasureBasis ?? '' } } : {}),
      nationalities: own.filter((n) => n.at === null).map((n) => ({ country: n.country, evaluation: evaluationOf(n.source, n.information) })),
      retractedNationalities: own.filter((n) => n.at !== null).map((n) => ({ country: n.country, reason: n.reason ?? '', retractedAt: n.at ?? '' })),
      ...restrictionOf({ restrictionGround, restrictedSince }),
      ...(personCorrections ? { corrections: personCorrections } : {}),
    };
  });
  const [{ withheld }] = all<{ withheld: number }>(
    `SELECT COUNT(*) AS withheld FROM restricted_persons t WHERE t.case_id = @caseId AND $VISIBLE AND NOT ($SHOWN)`);
  const detentions = all<Omit<DetentionView, 'status'>>(
    `SELECT t.detention_id AS detentionId, t.person_id AS personId, t.holding_country AS holdingCountry, t.facility,
       t.legal_basis AS legalBasis, t.detained_at AS detainedAt, t.next_custody_review_at AS nextCustodyReviewAt,
       t.ended_at AS endedAt, t.outcome
     FROM detentions t WHERE t.case_id = @caseId AND $VISIBLE AND $SHOWN ORDER BY t.detained_at, t.detention_id`)
    .map((r): DetentionView => ({ ...r, status: r.endedAt === null ? 'open' : 'ended' }));
  const links = groupBy(all<{ handlerId: string; personId: string; relations: string }>(
    `SELECT t.handler_id AS handlerId, t.person_id AS personId, group_concat(t.relation, ',') AS relations
     FROM handler_links t WHERE t.case_id = @caseId AND $VISIBLE AND $SHOWN GROUP BY t.handler_id, t.person_id
     ORDER BY t.handler_id, t.person_id`), 'handlerId');
  const handlers = all<{ handlerId: string; alias: string; believedCountry: string; platforms: string; source: string; information: number }>(
    `SELECT t.handler_id AS handlerId, t.alias, t.believed_country AS believedCountry, t.platforms, t.source, t.information
     FROM handlers t WHERE t.case_id = @caseId AND $VISIBLE ORDER BY t.handler_id`).map(
    ({ source, information, platforms, ...r }): HandlerView => ({
      ...r,
      platforms: JSON.parse(platforms) as string[],
      evaluation: evaluationOf(source, information),
      linkedPersons: (links.get(r.handlerId) ?? []).map((l) => ({ personId: l.personId, relations: l.relations.split(',').sort() })),
    }));
  const stages = groupBy(all<{ extraditionId: string; stage: string; reachedAt: string; deadlineAt: string | null; deadlineFor: string | null }>(
    `SELECT t.extradition_id AS extraditionId, t.stage, t.reached_at AS reachedAt, t.deadline_at AS deadlineAt,
       t.deadline_for AS deadlineFor
     FROM extradition_stages t WHERE t.case_id = @caseId AND $VISIBLE ORDER BY t.extradition_id, t.position`), 'extraditionId');
  const extraditions = all<Omit<ExtraditionView, 'stages' | 'decision'> & { outcome: string | null; grounds: string; decidedAt: string }>(
    `SELECT t.extradition_id AS extraditionId, t.person_id AS personId, t.route, t.requesting_country AS requestingCountry,
       t.requested_country AS requestedCountry, t.sent_at AS sentAt, t.consented_at AS consentedAt,
       t.consent_deadline_at AS consentDecisionDeadlineAt, t.current_stage AS currentStage, t.decision AS outcome,
       t.decision_grounds AS grounds, t.decided_at AS decidedAt, t.surrendered_at AS surrenderedAt
     FROM extraditions t WHERE t.case_id = @caseId AND $VISIBLE AND $SHOWN ORDER BY t.sent_at, t.extradition_id`).map(
    ({ outcome, grounds, decidedAt, ...r }): ExtraditionView => ({
      ...r,
      stages: (stages.get(r.extraditionId) ?? []).map(({ extraditionId: _, ...s }) => s),
      decision: outcome === null ? null : { outcome, grounds, decidedAt },
    }));
  return { persons, detentions, handlers, extraditions, ...(withheld > 0 ? { restrictedPersonsWithheld: withheld } : {}) };
}

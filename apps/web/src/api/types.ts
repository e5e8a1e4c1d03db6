// Shapes of the query API answers the dashboard reads (see libs/projections/src/read-models/**).

export interface ReadAnswer<T> {
  readAt: string;
  data: T;
}
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
export type Evaluation = { source: string; information: number } | null;

export interface CaseSummary {
  caseId: string;
  handlingCode: string;
  handlingText: string | null;
  ownerCountry: string;
  title: string;
  offenceCategory: string;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string;
  lastEventAt: string;
  revision: number;
  lastPosition: string;
  access: 'owner' | 'read' | 'contribute';
}

export interface PersonView {
  personId: string;
  category: string;
  name: string | null;
  pseudonym: string | null;
  /** Further names the person is known by (absent from answers of older versions). */
  aliases?: string[];
  birthYear: number | null;
  /** Present once the person's personal data was erased (names, aliases and birth year are gone). */
  erased?: { at: string; legalBasis: string };
  nationalities: { country: string; evaluation: Evaluation }[];
  retractedNationalities: { country: string; reason: string; retractedAt: string }[];
  /** Present while processing is restricted (LED Art. 16(3)); shown only when asked for with includeRestricted. */
  restriction?: { ground: string; since: string };
  /** The last correction of each rectified field (LED Art. 16(1)). */
  corrections?: { field: string; correctedAt: string; correctedBy: string; correctedByCountry: string }[];
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
export interface CaseDetail extends CaseSummary {
  statusReason: string | null;
  sharing: { country: string; level: 'read' | 'contribute' }[];
  persons: PersonView[];
  detentions: DetentionView[];
  handlers: HandlerView[];
  extraditions: ExtraditionView[];
  /** Restricted persons the answer leaves out (absent when none). */
  restrictedPersonsWithheld?: number;
}

export interface DetentionCount { nationality: string | null; holdingCountry: string; count: number }
export interface DetentionBucket { at: string; open: number; started: number }
export interface HandlerCount { believedCountry: string; count: number }
export interface ExtraditionCount { route: string; stage: string; count: number; overdue: number }
export interface DetentionEntry {
  caseId: string; handlingCode: string; handlingText: string | null;
  detentionId: string; personId: string; category: string | null; name: string | null; pseudonym: string | null;
  nationalities: string[]; holdingCountry: string; facility: string; detainedAt: string; nextCustodyReviewAt: string;
}

export interface ReplayTimelineEntry {
  type: string; revision: number; position: string; occurredAt: string | null; recordedAt: string;
  actor: string | null; country: string | null; hash: string | null;
}
export interface CaseReplay {
  caseId: string; ownerCountry: string; asOf: string | null; eventCount: number; revision: number | null;
  position: string | null; detail: CaseDetail | null; timeline: ReplayTimelineEntry[];
}
export interface AccessEntry {
  entryId: string; position: string; accessedAt: string;
  officer: { subject: string; country: string; issuer: string };
  purpose: string | null; fieldsClass: 'personal' | 'aggregate' | 'integrity'; route: string; readModel: string | null;
  query: string; params: Record<string, unknown> | null; viewerCountry: string; readAt: string; now: string;
  caseIds: string[]; resultCount: number | null; answerSha256: string; ownCountryOfficer: boolean;
  /** Titles of the cases in caseIds (absent from older servers). */
  caseTitles?: Record<string, string>;
}
export interface AccessOfficerSummary { subject: string; country: string; accesses: number; lastAccessedAt: string }
export interface AccessReproduction {
  entryId: string; officer: { subject: string; country: string; issuer: string }; route: string; query: string; readAt: string;
  params: Record<string, unknown> | null; accessedAt: string; purpose: string | null; caseTitles: Record<string, string>;
  caseIds: string[]; answer: { readAt: string; data: unknown }; redacted: boolean; answerSha256: string; matchesRecord: boolean;
  /** The same question asked now for the officer's country (redacted alike); null when it cannot be asked again. */
  now: { readAt: string; data: unknown } | null;
}
export interface VerifyResult {
  caseId: string; stream: string; ok: boolean; events: number; streams: number;
  breaks: { stream: string; revision: string; position: string; reason: string }[];
  firstBreak: { stream: string; revision: string; position: string; reason: string } | null;
}

export interface SearchHit {
  caseId: string; caseTitle: string; handlingCode: string; handlingText: string | null; ownerCountry: string;
  kind: 'case' | 'person' | 'handler' | 'detention'; refId: string; label: string; also: string[]; person: string | null;
}

/** GET /api/v1/retention-reviews: a person's next retention review (LED Art. 5), in cases the viewer's country owns. */
export interface RetentionReview {
  caseId: string; handlingCode: string; handlingText: string | null; caseTitle: string;
  personId: string; category: string; name: string | null; pseudonym: string | null;
  registeredAt: string; reviewedAt: string | null; reviewDueAt: string; status: 'due' | 'overdue';
  restriction?: { ground: string; since: string };
}

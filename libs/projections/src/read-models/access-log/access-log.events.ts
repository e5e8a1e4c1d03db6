import type { JsonObject } from '@liaison/event-store';

/**
 * One consultation or disclosure (LED Art. 25): who, which data, when, at which log position, why.
 * Appended by the API before the answer leaves, to per-country per-day per-replica streams, so access
 * records sit in the same log as the facts and travel with it (to EventStoreDB too).
 */
export const CASE_DATA_ACCESSED = 'CaseDataAccessed' as const;

/** personal: case-level or personal data (a purpose is required); aggregate: counts without personal data; integrity: hash checks. */
export type FieldsClass = 'personal' | 'aggregate' | 'integrity';

export type AccessOfficer = { subject: string; country: string; issuer: string };

export type CaseDataAccessedData = {
  entryId: string;
  accessedAt: string;
  officer: AccessOfficer;
  /** The justification the officer gave; null only for aggregate and integrity reads. Never logged to stdout. */
  purpose: string | null;
  fieldsClass: FieldsClass;
  /** Method and route template, e.g. "GET /api/v1/cases/:caseId" (never the URL: it may carry the purpose). */
  route: string;
  /** Projection the answer was read from; null when it was computed from the log itself (audit replays). */
  readModel: string | null;
  /** Name in the query catalog, re-run by the reproducible view with `params`. */
  query: string;
  params: JsonObject;
  viewerCountry: string;
  /** The read model's checkpoint (global position) the answer was read at. */
  readAt: string;
  /** The clock value queries saw ("overdue" depends on it). */
  now: string;
  /** Case ids actually returned (an id asked for but not visible stays in `params` only). */
  caseIds: string[];
  /**
   * Referral ids actually returned (referral answers often carry no case). Optional: records made
   * before it existed have none and stay valid; read them as [].
   */
  referralIds?: string[];
  /** Information-request ids actually returned (Directive 2023/977 requests); optional like referralIds, read as []. */
  requestIds?: string[];
  resultCount: number | null;
  /** SHA-256 of the canonical JSON of the answer `{ readAt, data }`, so a reproduction can be proven equal. */
  answerSha256: string;
};

/**
 * One hash-chained stream per country, day and replica (ADR 21): each API process is the only usual
 * writer of its streams, so replicas never race for an expected revision. Records made before replica
 * ids existed sit in `access-<country>-<day>` and stay valid; readers never parse the name.
 */
export const accessStreamId = (country: string, accessedAt: string, replicaId: string): string =>
  `access-${country}-${accessedAt.slice(0, 10)}-${replicaId}`;

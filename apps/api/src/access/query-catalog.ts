import type { JsonObject } from '@liaison/event-store';
import {
  actionDayProgress, listActionDays, listReferrals, overdueReferrals, platformResponsiveness, referralDetail,
  caseDetail, currentDetentions, custodyReviewsDue, detentionCounts, detentionsOverTime, extraditionCounts,
  handlerCountsByCountry, listAccess, accessOfficers, listCases, listHandlers, openExtraditions, type FieldsClass,
  listInformationRequests, informationRequestDetail, type RequestDirection, type RequestStatus,
  deadlinesBoard, type DeadlineBucket, type DeadlineKind, informationExchangeStatistics, search, retentionReviewsDue, type RetentionPolicy,
} from '@liaison/projections';
import type { ReadContext } from './read-model.gateway.js';

/** What the access record says about a read: the class of data, and the catalog query + params that produced it. */
export interface AccessSpec {
  fields: FieldsClass;
  query: string;
  params: JsonObject;
}

type Scalar = string | number | boolean | undefined;
type AccessLogParams = {
  officer?: string; excludeOfficer?: string; caseId?: string; referralId?: string; requestId?: string; from?: string; to?: string; limit?: number; cursor?: string;
};
type NoParams = Record<string, never>;
/** Present (true) only when the read asked for restricted persons and was allowed them (queries/shared/include-restricted.ts). */
type Restricted = { includeRestricted?: boolean };

interface CatalogEntry<P, T> {
  projection: string;
  fields: FieldsClass;
  run(ctx: ReadContext, params: P): T;
}

const entry = <P extends Record<string, Scalar>, T>(projection: string, fields: FieldsClass, run: (ctx: ReadContext, p: P) => T): CatalogEntry<P, T> =>
  ({ projection, fields, run });

/**
 * Every query a controller runs is named here, so an access record can say exactly which query ran
 * with which parameters, and the reproducible view can run the very same function again. A
 * controller cannot drift from its replay: both use the one `run`.
 */
export const QUERY_CATALOG = {
  listCases: entry('cases', 'personal', ({ db, viewer }, p: { status?: 'open' | 'closed'; ownerCountry?: string; q?: string; limit?: number; cursor?: string }) =>
    listCases(db, viewer, p)),
  caseDetail: entry('cases', 'personal', ({ db, viewer }, p: { caseId: string } & Restricted) =>
    caseDetail(db, viewer, p.caseId, { includeRestricted: p.includeRestricted })),
  currentDetentions: entry('detention-register', 'personal', ({ db, viewer }, p: { holdingCountry?: string; nationality?: string; limit?: number; cursor?: string } & Restricted) =>
    currentDetentions(db, viewer, p)),
  detentionCounts: entry('detention-register', 'aggregate', ({ db, viewer }, p: { holdingCountry?: string; nationality?: string } & Restricted) =>
    ({ items: detentionCounts(db, viewer, p) })),
  custodyReviewsDue: entry('detention-register', 'personal', ({ db, viewer }, p: { before: string; holdingCountry?: string; limit?: number } & Restricted) =>
    ({ items: custodyReviewsDue(db, viewer, p) })),
  detentionsOverTime: entry('detention-register', 'aggregate', ({ db, viewer }, p: { from: string; to: string; bucket: 'day' | 'week'; holdingCountry?: string } & Restricted) =>
    ({ items: detentionsOverTime(db, viewer, p) })),
  listHandlers: entry('handlers-abroad', 'personal', ({ db, viewer }, p: { believedCountry?: string; platform?: string; limit?: number; cursor?: string }) =>
    listHandlers(db, viewer, p)),
  handlerCounts: entry('handlers-abroad', 'aggregate', ({ db, viewer }, _p: NoParams) => ({ items: handlerCountsByCountry(db, viewer) })),
  openExtraditions: entry('extradition-tracker', 'personal', ({ db, viewer, now }, p: { route?: string; requestedCountry?: string; overdueOnly?: boolean; limit?: number; cursor?: string }) =>
    openExtraditions(db, viewer, { ...p, now })),
  extraditionCounts: entry('extradition-tracker', 'aggregate', ({ db, viewer, now }, _p: NoParams) => ({ items: extraditionCounts(db, viewer, { now }) })),
  listReferrals: entry('referral-ledger', 'personal', ({ db, viewer, now }, p: {
    platform?: string; status?: string; caseId?: string; handlerId?: string; actionDayId?: string; country?: string; basis?: string;
    from?: string; to?: string; overdueOnly?: boolean; limit?: number; cursor?: string;
  }) => listReferrals(db, viewer, { ...p, status: p.status as never, now })),
  referralDetail: entry('referral-ledger', 'personal', ({ db, viewer }, p: { referralId: string }) => referralDetail(db, viewer, p.referralId)),
  overdueReferrals: entry('referral-ledger', 'personal', ({ db, viewer, now }, p: { platform?: string; limit?: number }) =>
    ({ items: overdueReferrals(db, viewer, { ...p, now }) })),
  actionDays: entry('referral-ledger', 'aggregate', ({ db, viewer }, _p: NoParams) => ({ items: listActionDays(db, viewer) })),
  actionDayProgress: entry('referral-ledger', 'aggregate', ({ db, viewer }, p: { actionDayId: string }) => actionDayProgress(db, viewer, p.actionDayId)),
  platformResponsiveness: entry('platform-responsiveness', 'aggregate', ({ db, viewer, now }, p: { from?: string; to?: string; platform?: string; basis?: string }) =>
    platformResponsiveness(db, viewer, { ...p, now })),
  listInformationRequests: entry('request-register', 'personal', ({ db, viewer, now }, p: {
    direction?: RequestDirection; country?: string; status?: RequestStatus; urgent?: boolean; dueBefore?: string; overdueOnly?: boolean;
    caseId?: string; limit?: number; cursor?: string;
  }) => listInformationRequests(db, viewer, { ...p, now })),
  informationRequestDetail: entry('request-register', 'personal', ({ db, viewer, now }, p: { requestId: string }) =>
    informationRequestDetail(db, viewer, p.requestId, { now })),
  deadlinesBoard: entry('deadlines-board', 'personal', ({ db, viewer, now }, p: { kind?: string; bucket?: DeadlineBucket; limit?: number; cursor?: string }) =>
    deadlinesBoard(db, viewer, { now, kinds: p.kind?.split(',') as DeadlineKind[] | undefined, bucket: p.bucket, limit: p.limit, cursor: p.cursor })),
  informationExchangeStatistics: entry('information-exchange-statistics', 'aggregate', ({ db, viewer }, p: { year: number }) =>
    informationExchangeStatistics(db, viewer, { year: p.year })),
  search: entry('search', 'personal', ({ db, viewer }, p: { q: string; limit?: number; cursor?: string } & Restricted) => search(db, viewer, p)),
  // The policy (JSON) is a parameter, so the access record keeps the one in force and a reproduction uses it.
  retentionReviews: entry('retention-reviews', 'personal', ({ db, viewer, now }, p: { policy: string; withinDays?: number; limit?: number }) =>
    ({ items: retentionReviewsDue(db, viewer, { now, policy: JSON.parse(p.policy) as RetentionPolicy, withinDays: p.withinDays, limit: p.limit }) })),
  // The access log as it was answered before entries carried case titles: kept so those reads'
  // records reproduce to their hash. The controller asks accessLogTitled.
  accessLog: entry('access-log', 'personal', ({ db, viewer }, p: AccessLogParams) => listAccess(db, viewer, p)),
  accessLogTitled: entry('access-log', 'personal', ({ db, viewer }, p: AccessLogParams) => listAccess(db, viewer, p, { titles: true })),
  accessOfficers: entry('access-log', 'personal', ({ db, viewer }, p: { excludeOfficer?: string }) => ({ items: accessOfficers(db, viewer, p) })),
} as const;

export type QueryName = keyof typeof QUERY_CATALOG;
type Entry<N extends QueryName> = (typeof QUERY_CATALOG)[N];
type ParamsOf<N extends QueryName> = Parameters<Entry<N>['run']>[1];
type ResultOf<N extends QueryName> = ReturnType<Entry<N>['run']>;

/** Arguments for ReadModelGateway.read: `gateway.read(req, ...namedQuery('caseDetail', { caseId }))`. */
export function namedQuery<N extends QueryName>(name: N, params: ParamsOf<N>): [string, (ctx: ReadContext) => ResultOf<N>, AccessSpec] {
  const e = QUERY_CATALOG[name] as CatalogEntry<ParamsOf<N>, ResultOf<N>>;
  return [e.projection, (ctx) => e.run(ctx, params), { fields: e.fields, query: name, params: jsonParams(params) }];
}

export function isQueryName(name: string): name is QueryName {
  return Object.hasOwn(QUERY_CATALOG, name);
}

/** Re-runs a recorded query on a (replayed) read model. */
export function runRecordedQuery(name: QueryName, ctx: ReadContext, params: JsonObject): unknown {
  const e = QUERY_CATALOG[name] as CatalogEntry<JsonObject, unknown>;
  return e.run(ctx, params);
}

/** Drops undefined filters so the stored params are exactly what the replay will pass. */
function jsonParams(params: object): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(params) as [string, unknown][]) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

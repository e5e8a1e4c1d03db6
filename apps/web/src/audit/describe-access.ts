import type { AccessEntry } from '../api/types';

/**
 * The access log in plain language for supervisors: "Danish officer dk-officer-1 read a case",
 * from the catalogued query name the log records (apps/api/src/audit/access/query-catalog.ts), not
 * the API route. Unknown queries fall back to the route, so nothing is hidden.
 */
const DEMONYMS: Record<string, string> = { SE: 'Swedish', DK: 'Danish', NO: 'Norwegian', FI: 'Finnish', IS: 'Icelandic' };

const plural = (n: number | null, one: string, many = `${one}s`) => (n === null ? many : `${n} ${n === 1 ? one : many}`);

const ACTIONS: Record<string, (n: number | null) => string> = {
  listCases: (n) => `listed cases (${plural(n, 'case')} shown)`,
  caseDetail: () => 'read a case',
  currentDetentions: (n) => `listed current detentions (${plural(n, 'detention')})`,
  detentionCounts: () => 'counted detentions by nationality (figures only)',
  custodyReviewsDue: (n) => `listed custody reviews due (${plural(n, 'review')})`,
  detentionsOverTime: () => 'charted detentions over time (figures only)',
  listHandlers: (n) => `listed handlers abroad (${plural(n, 'handler')})`,
  handlerCounts: () => 'counted handlers abroad (figures only)',
  openExtraditions: (n) => `listed open extraditions (${plural(n, 'request')})`,
  extraditionCounts: () => 'counted extraditions (figures only)',
  listReferrals: (n) => `listed platform referrals (${plural(n, 'referral')})`,
  referralDetail: () => 'read a platform referral',
  overdueReferrals: (n) => `listed overdue referrals (${plural(n, 'referral')})`,
  actionDays: () => 'listed action days (figures only)',
  actionDayProgress: () => 'read an action day\'s progress (figures only)',
  platformResponsiveness: () => 'read how platforms answer referrals (figures only)',
  accessLog: (n) => `read the access log (${plural(n, 'entry', 'entries')})`,
  accessLogTitled: (n) => `read the access log (${plural(n, 'entry', 'entries')})`,
  accessOfficers: () => 'listed the officers in the access log',
  search: (n) => `searched cases, people and handlers (${plural(n, 'hit')})`,
  replayCase: () => 'replayed a case from the event log',
  verifyCase: () => 'verified a case\'s hash chain',
  replayReferral: () => 'replayed a platform referral from the event log',
  verifyReferral: () => 'verified a platform referral\'s hash chain',
  accessView: () => 'reproduced an access',
};

export function officerLabel(officer: AccessEntry['officer']): string {
  return `${DEMONYMS[officer.country] ?? officer.country} officer ${officer.subject}`;
}

/** Reads of one case, said with the case's title when the entry carries it. */
const ONE_CASE: Record<string, (title: string) => string> = {
  caseDetail: (t) => `read the case ${t}`,
  replayCase: (t) => `replayed the case ${t} from the event log`,
  verifyCase: (t) => `verified the hash chain of the case ${t}`,
};

export function describeAccess(e: Pick<AccessEntry, 'officer' | 'query' | 'route' | 'resultCount'> & Partial<Pick<AccessEntry, 'caseIds' | 'caseTitles' | 'params'>>): string {
  // The search text is shown where the entry carries it (the supervisor's own country's officers).
  if (e.query === 'search' && typeof e.params?.q === 'string') {
    return `${officerLabel(e.officer)} searched cases, people and handlers for “${e.params.q}” (${plural(e.resultCount, 'hit')})`;
  }
  const only = e.caseIds?.length === 1 ? e.caseTitles?.[e.caseIds[0] as string] : undefined;
  const action = (only ? ONE_CASE[e.query]?.(only) : undefined) ?? ACTIONS[e.query]?.(e.resultCount) ?? `called ${e.route}`;
  return `${officerLabel(e.officer)} ${action}`;
}

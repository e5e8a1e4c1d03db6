// Hand-built information request events for specs (Directive (EU) 2023/977), typed against the
// domain contract through EventLog.request. Deadlines are given or derived the simple way: 8 elapsed
// hours, or N × 24 h (the domain's policy counts calendar days in the requested SPOC's zone; specs
// keep their dates away from DST changes, where the two agree).
import type { EventLog } from './event-fixtures.js';

const HOUR = 3_600_000;

export interface RequestFixture {
  requestId: string;
  /** Requesting country (the filing officer's). */
  from: string;
  /** Requested country. */
  to: string;
  receivedAt: string;
  urgent?: boolean;
  access?: 'direct' | 'indirect';
  caseId?: string;
  informationSought?: string;
  /** Defaults to the Art. 5(1) limit counted from receivedAt. */
  deadlineAt?: string;
}

export function deadlineRule(urgent: boolean, access: 'direct' | 'indirect'): '8h' | '3d' | '7d' {
  return !urgent ? '7d' : access === 'direct' ? '8h' : '3d';
}

export const addHours = (at: string, hours: number): string => new Date(Date.parse(at) + hours * HOUR).toISOString();

/** Appends InformationRequested with defaults (not urgent, indirect, SIENA, Swedish, zone of the requested side) for fields a spec does not care about. */
export function fileRequest(log: EventLog, r: RequestFixture): void {
  const urgent = r.urgent ?? false;
  const access = r.access ?? 'indirect';
  const rule = deadlineRule(urgent, access);
  const hours = rule === '8h' ? 8 : rule === '3d' ? 72 : 168;
  log.request('InformationRequested', {
    requestId: r.requestId, requestingCountry: r.from, requestedCountry: r.to, requestingAuthority: `${r.from} SPOC`,
    ...(r.caseId ? { caseId: r.caseId } : {}), informationSought: r.informationSought ?? `Registered address of the person in ${r.requestId}`,
    purpose: 'Locating a suspect of an explosion', urgent, ...(urgent ? { urgencyReason: 'imminent_threat_to_life_or_physical_integrity' as const } : {}),
    access, language: 'en', channel: 'siena', receivedAt: r.receivedAt, deadlineRule: rule,
    deadlineAt: r.deadlineAt ?? addHours(r.receivedAt, hours), timeZone: r.to === 'DK' ? 'Europe/Copenhagen' : 'Europe/Stockholm',
  }, r.from);
}

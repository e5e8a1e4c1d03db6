import type { ReferralDetail, ReferralEntry, ReferralLedgerStep } from '../api/referral-types';
import { countryName, formatInstant, humanize } from '../format';
import { platformLabel } from './figures';

export interface ReferralStep {
  /** null: the ledger keeps the fact but not when it happened (co-referrers, withdrawal). */
  at: string | null;
  what: string;
  detail?: string;
  /** A deadline still ahead, or one passed with the referral still open. */
  mark?: 'due' | 'overdue';
}

const OUTCOMES = { removed: 'Removed by the platform', geo_blocked: 'Geo-blocked by the platform', declined: 'Declined by the platform' } as const;

/**
 * The referral's history as far as the ledger entry tells it. The entry describes the current round
 * only (a reappearance starts a new one), so sending and answers are those of round `round`.
 */
export function referralTimeline(r: ReferralEntry, now: number): ReferralStep[] {
  const platform = platformLabel(r.platform, r.platformName);
  const round = r.round > 1 ? ` (round ${r.round})` : '';
  const steps: ReferralStep[] = [{
    at: r.referredAt, what: `Referred to ${platform}`,
    detail: `${r.basis === 'removal_order' ? 'Removal order' : 'Terms-of-service referral'} · ${humanize(r.contentKind)} · by ${countryName(r.originCountry)}${r.originUnit ? `, ${r.originUnit}` : ''}`,
  }];
  if (r.coReferrers.length) steps.push({ at: null, what: 'Also referred by', detail: r.coReferrers.map(countryName).join(', ') });
  // A reappearance starts a new round; the steps after it (sending, answers) are that round's.
  if (r.reappearances > 0) {
    steps.push({
      at: null, what: `Content reappeared ${r.reappearances === 1 ? 'once' : `${r.reappearances} times`}${r.round > 1 ? `; below is round ${r.round}` : ''}`,
      detail: r.latestLocator ? `Latest copy: ${r.latestLocator}` : undefined,
    });
  }
  if (r.sentAt) steps.push({ at: r.sentAt, what: `Sent to ${platform}${round}` });
  if (r.acknowledgedAt) steps.push({ at: r.acknowledgedAt, what: `Acknowledged by ${platform}` });
  if (r.outcome) {
    steps.push({ at: r.outcomeAt, what: OUTCOMES[r.outcome], detail: r.declineReason ? `Reason: ${humanize(r.declineReason)}` : undefined });
  }
  if (r.responseDueAt) {
    const open = !r.outcome && !r.withdrawn;
    const passed = Date.parse(r.responseDueAt) < now;
    steps.push({
      at: r.responseDueAt,
      what: r.noResponseRecorded ? 'Response deadline passed: no response recorded' : 'Response due',
      mark: open && passed ? 'overdue' : open ? 'due' : undefined,
    });
  }
  if (r.withdrawn) steps.push({ at: null, what: 'Withdrawn by the referring country' });
  // Dated steps in time order; undated ones keep their place after the step they belong to.
  return sortDated(steps);
}

function sortDated(steps: ReferralStep[]): ReferralStep[] {
  const groups: ReferralStep[][] = [];
  for (const s of steps) {
    if (s.at === null && groups.length) groups[groups.length - 1]!.push(s);
    else groups.push([s]);
  }
  const key = (g: ReferralStep[]) => g[0]!.at ?? '';
  return groups.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).flat();
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length ? v : undefined);
const joined = (...parts: (string | undefined)[]): string | undefined => parts.filter(Boolean).join(' · ') || undefined;

/** What one recorded step says, in the officer's words. */
function describe(s: ReferralLedgerStep, r: ReferralEntry, platform: string): ReferralStep {
  const d = s.detail;
  const by = s.country ? countryName(s.country) : undefined;
  switch (s.type) {
    case 'ContentReferred':
      return { at: s.at, what: `Referred to ${platform}`, detail: joined(r.basis === 'removal_order' ? 'Removal order' : 'Terms-of-service referral', humanize(r.contentKind), by && `by ${by}${text(d.unit) ? `, ${text(d.unit)}` : ''}`) };
    case 'CoReferrerJoined':
      return { at: s.at, what: `Also referred by ${countryName(text(d.country) ?? s.country)}`, detail: text(d.unit) };
    case 'ReferralSentToPlatform':
      return { at: s.at, what: `Sent to ${platform}`, detail: joined(text(d.channel), text(d.responseDueAt) && `answer due ${formatInstant(text(d.responseDueAt))}`) };
    case 'PlatformAcknowledged':
      return { at: s.at, what: `Acknowledged by ${platform}`, detail: text(d.platformReference) && `Reference ${text(d.platformReference)}` };
    case 'ContentRemoved':
      return { at: s.at, what: OUTCOMES.removed };
    case 'ContentGeoBlocked':
      return { at: s.at, what: OUTCOMES.geo_blocked, detail: Array.isArray(d.countries) ? `In ${(d.countries as string[]).map(countryName).join(', ')}` : undefined };
    case 'RemovalDeclined':
      return { at: s.at, what: OUTCOMES.declined, detail: joined(text(d.reason) && `Reason: ${humanize(text(d.reason)!)}`, text(d.reasonText)) };
    case 'NoPlatformResponse':
      return { at: s.at, what: 'No response by the deadline', detail: text(d.responseDueAt) && `Deadline ${formatInstant(text(d.responseDueAt))}` };
    case 'ContentReappeared':
      return { at: s.at, what: 'Content reappeared (a new round starts)', detail: text(d.locator) && `New copy: ${text(d.locator)}` };
    case 'ReferralWithdrawn':
      return { at: s.at, what: 'Withdrawn by the referring country', detail: text(d.reason) };
    default:
      return { at: s.at, what: humanize(s.type) };
  }
}

/**
 * The referral's whole history from its recorded steps (every round, each with its own time), plus the
 * deadline still running on the current round. Entries without steps (list rows) fall back to what the
 * entry's fields tell.
 */
export function recordedTimeline(r: ReferralDetail | ReferralEntry, now: number): ReferralStep[] {
  const recorded = 'steps' in r ? r.steps : [];
  if (recorded.length === 0) return referralTimeline(r, now);
  const platform = platformLabel(r.platform, r.platformName);
  const steps = recorded.map((s) => describe(s, r, platform));
  const open = !r.outcome && !r.withdrawn && !r.noResponseRecorded;
  if (open && r.responseDueAt) {
    steps.push({ at: r.responseDueAt, what: 'Response due', mark: Date.parse(r.responseDueAt) < now ? 'overdue' : 'due' });
  }
  return steps;
}

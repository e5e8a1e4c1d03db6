// Shapes of the referral and platform answers (libs/projections/src/read-models/{referral-ledger,platform-responsiveness}).

export interface PlatformCatalogue {
  removalOrderDeadlineMinutes: number;
  items: { platform: string; operator: string; followUpDays: number }[];
}

/** Rates are 0..1, null when there is nothing to divide by (see responsiveness-figures.ts). */
export interface ResponsivenessFigures {
  referred: number;
  sent: number;
  removed: number;
  removalRate: number | null;
  medianHoursToRemoval: number | null;
  p90HoursToRemoval: number | null;
  unansweredAfter24hShare: number | null;
  unansweredAfter7dShare: number | null;
  ordersSent: number;
  ordersWithin1hShare: number | null;
  reuploadRate: number | null;
  declined: number;
  geoBlocked: number;
  noResponse: number;
}
export type PlatformFigures = ResponsivenessFigures & { platform: string };
export interface PlatformResponsiveness {
  rows: (PlatformFigures & { month: string })[];
  platformTotals: PlatformFigures[];
  byReferringCountry: (ResponsivenessFigures & { country: string })[];
}

export const REFERRAL_STATUSES = ['referred', 'sent', 'acknowledged', 'removed', 'geo_blocked', 'declined', 'no_response', 'reappeared', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type ReferralBasis = 'removal_order' | 'tos_referral';

export interface ReferralEntry {
  referralId: string;
  caseId: string | null;
  handlerId: string | null;
  platform: string;
  platformName: string | null;
  /** Personal data: the URL or platform id as referred. Shown as text, never as a link to the content. */
  locator: string;
  locatorSha256: string;
  contentKind: string;
  basis: ReferralBasis;
  actionDayId: string | null;
  originCountry: string;
  originUnit: string | null;
  coReferrers: string[];
  referredAt: string;
  round: number;
  sentAt: string | null;
  responseDueAt: string | null;
  acknowledgedAt: string | null;
  outcome: 'removed' | 'geo_blocked' | 'declined' | null;
  outcomeAt: string | null;
  declineReason: string | null;
  noResponseRecorded: boolean;
  reappearances: number;
  latestLocator: string | null;
  withdrawn: boolean;
  status: ReferralStatus;
  lastPosition: number;
}

/** One recorded step of a referral (GET /referrals/{id} only): its business time and recording country. */
export interface ReferralLedgerStep {
  type: string;
  at: string | null;
  country: string | null;
  detail: Record<string, unknown>;
}

export interface ReferralDetail extends ReferralEntry {
  steps: ReferralLedgerStep[];
}

export interface ActionDayEntry {
  actionDayId: string;
  title: string;
  coordinator: string;
  coordinatorName: string | null;
  platform: string;
  date: string;
  organiserCountry: string;
  participatingCountries: string[];
  listsSubmitted: number;
  answerFilesImported: number;
}

export interface ActionDayProgress {
  actionDayId: string;
  referred: number;
  sent: number;
  answered: number;
  removed: number;
  geoBlocked: number;
  declined: number;
  noResponse: number;
  reappeared: number;
}

// The data the referral e2e creates, and the figures it must produce, computed by hand below.
// Everything happens in one past month on one platform, so the figures depend on nothing else the
// store holds: a fresh store has nothing else, and on a shared real server the month is picked at
// random and the locators carry the run id. All times are business times well in the past, so
// "overdue" and the unanswered shares do not move while the spec runs.

export const PLATFORM = 'snapchat';

/** A random month of 2000–2019 (referrals may be back-dated; only the future is refused). */
export function randomPastMonth(): string {
  const n = Math.floor(Math.random() * 240);
  return `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function referralStory(run: string, month: string) {
  const at = (day: number, hour: number, minute = 0) =>
    `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
  const locator = (name: string) => `https://www.${PLATFORM}.example/@fictional.${run}/spotlight/${name}`;
  const sentAt = at(3, 10);
  // Seven items on the day's list, all sent at 10:00 on the 3rd (a 7-day follow-up: due on the 10th).
  const day = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => locator(`day-${k}`));
  const row = (l: string, kind = 'glorification') => `${l},${kind},tos_referral,NOA Cyber (fictional),${sentAt}`;
  const header = 'locator,contentKind,basis,unit,sentAt';
  const [a, b, c, d, e, f] = day;
  return {
    month,
    nextMonth: nextMonth(month),
    sentAt,
    day,
    listCsv: [header, ...day.map((l) => row(l))].join('\n') + '\n',
    /** Row 2 (line 3) has a content kind the catalogue does not know. */
    badListCsv: [header, row(locator('bad-1')), row(locator('bad-2'), 'gossip'), row(locator('bad-3'))].join('\n') + '\n',
    // g gets no answer at all; f only an acknowledgement.
    answersCsv: [
      'locator,outcome,at,countries,reason',
      `${a},removed,${at(3, 12)},,`, // 2 h
      `${b},removed,${at(3, 15)},,`, // 5 h
      `${c},removed,${at(4, 16)},,`, // 30 h: answered, but after 24 h
      `${d},geo_blocked,${at(3, 20)},SE;DK,`, // 10 h
      `${e},declined,${at(6, 10)},,no_violation_found`, // 72 h: after 24 h, within 7 days
      `${f},acknowledged,${at(3, 11)},,`, // 1 h, no outcome: still open, so overdue
    ].join('\n') + '\n',
    /** A removal order referred by SE and joined by DK with another spelling of the same URL. */
    lifecycle: {
      locator: locator('lifecycle'),
      variant: `http://${PLATFORM}.example/@fictional.${run}/spotlight/lifecycle/?utm_source=share&is_from_webapp=1`,
      referredAt: at(10, 8),
      acknowledgedAt: at(10, 8, 20),
      removedAt: at(10, 8, 45), // 45 min: within the order's hour, 0 whole hours
      reupload: locator('lifecycle-reupload'),
      seenAt: at(20, 9),
    },
    /** Referred by SE, linked to an SE case, never sent. */
    linked: { locator: locator('linked'), referredAt: at(12, 9) },
  };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const none = { removalRate: null, medianHoursToRemoval: null, p90HoursToRemoval: null, ordersWithin1hShare: null, reuploadRate: null };

/**
 * Sweden sees all nine: the seven of the day, the removal order and the linked one.
 * Sent 8 (the linked one was not). Removed 4: a, b, c and the order → rate 4/8.
 * Hours to removal 2, 5, 30 and 0 → sorted 0, 2, 5, 30: median = first h with 2 of 4 = 2, p90 = first with 3.6 of 4 = 30.
 * Unanswered after 24 h: c (30 h), e (72 h) and g (never) of 8 = 0.375; after 7 days only g = 0.125.
 * Orders: 1 sent, removed within the hour → 1. Re-uploads: 1 of 4 removed = 0.25.
 */
export const SWEDEN_FIGURES = {
  referred: 9, sent: 8, removed: 4, removalRate: 0.5, medianHoursToRemoval: 2, p90HoursToRemoval: 30,
  unansweredAfter24hShare: 0.375, unansweredAfter7dShare: 0.125, ordersSent: 1, ordersWithin1hShare: 1,
  reuploadRate: 0.25, declined: 1, geoBlocked: 1, noResponse: 0,
};

/** Denmark co-referred only the removal order: answered in 20 min, removed in 45, re-uploaded once. */
export const DENMARK_FIGURES = {
  referred: 1, sent: 1, removed: 1, removalRate: 1, medianHoursToRemoval: 0, p90HoursToRemoval: 0,
  unansweredAfter24hShare: 0, unansweredAfter7dShare: 0, ordersSent: 1, ordersWithin1hShare: 1,
  reuploadRate: 1, declined: 0, geoBlocked: 0, noResponse: 0,
};

/** Norway, while the case is shared with it, sees the linked referral: referred, never sent. */
export const NORWAY_SHARED_FIGURES = {
  referred: 1, sent: 0, removed: 0, ...none, unansweredAfter24hShare: null, unansweredAfter7dShare: null,
  ordersSent: 0, declined: 0, geoBlocked: 0, noResponse: 0,
};

/** The day's progress for Sweden: 6 answered (5 outcomes, 1 acknowledgement), g silent. */
export const SWEDEN_DAY_PROGRESS = { referred: 7, sent: 7, answered: 6, removed: 3, geoBlocked: 1, declined: 1, noResponse: 0, reappeared: 0 };

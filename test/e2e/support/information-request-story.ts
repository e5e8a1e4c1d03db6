// The information-request e2e's story (Directive 2023/977), in 2024 so every deadline has passed and
// the figures are fixed: SE and DK exchange five requests; NO is the third country that sees none.
// All names are fictional.

export const YEAR = 2024;
export const PURPOSE = 'SPOC follow-up of fictional e2e requests';

export const filing = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  requestingAuthority: 'SPOC (fictional)', informationSought: 'Subscriber data for a fictional number',
  purpose: 'Identify a fictional handler', urgent: false, access: 'direct', language: 'en', ...overrides,
});

const urgent = { urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity' };

/** Who files each request, and the body. */
export const REQUESTS = {
  /** Urgent, directly accessible: 8 hours; answered in time. Linked to the SE case. */
  answered: { by: 'se', body: filing({ requestedCountry: 'DK', ...urgent, receivedAt: '2024-03-04T08:00:00+01:00' }) },
  /** 7 calendar days; refused in time on ground (g). */
  refused: { by: 'se', body: filing({ requestedCountry: 'DK', receivedAt: '2024-05-06T09:00:00+02:00' }) },
  /** 7 calendar days; a refusal two weeks later is too late (422), and it stays open: overdue. */
  overdue: { by: 'se', body: filing({ requestedCountry: 'DK', receivedAt: '2024-06-03T09:00:00+02:00' }) },
  /** DK asks SE, urgent, indirectly accessible (3 calendar days in Stockholm); judicial authorisation, then answered. */
  authorised: { by: 'dk', body: filing({ requestedCountry: 'SE', ...urgent, access: 'indirect', receivedAt: '2024-09-02T10:00:00+02:00' }) },
  /** Clarification asked and never given: the clock stands still, so it is open but not overdue. */
  clarifying: { by: 'se', body: filing({ requestedCountry: 'DK', receivedAt: '2024-10-01T09:00:00+02:00' }) },
} as const;

export type StoryRequest = keyof typeof REQUESTS;

/**
 * Each side's half, in order: [request, action under /api/v1/information-requests/{id}/, who records
 * it, body]. The e2e asserts each answer; the browser specs (test/browser/requests.seed.ts) replay
 * the same story, so the figures below hold for both.
 */
export const STEPS: readonly (readonly [StoryRequest, string, 'se' | 'dk', Record<string, unknown>])[] = [
  ['answered', 'acknowledgement', 'dk', { acknowledgedAt: '2024-03-04T08:30:00+01:00' }],
  ['answered', 'information', 'dk', { summary: 'Subscriber data (fictional)', providedAt: '2024-03-04T12:00:00+01:00' }],
  ['refused', 'refusal', 'dk', { grounds: [{ ground: 'g', reason: 'Punishable by a fine only in DK (fictional)' }], refusedAt: '2024-05-08T10:00:00+02:00' }],
  ['authorised', 'judicial-authorisation-notice', 'se', { expectedDelayDays: 3, reason: 'Court order for traffic data (fictional)', noticeSentAt: '2024-09-03T09:00:00+02:00' }],
  ['authorised', 'judicial-authorisation', 'se', { obtainedAt: '2024-09-05T10:00:00+02:00' }],
  ['authorised', 'information', 'se', { summary: 'Traffic data (fictional)', providedAt: '2024-09-05T12:00:00+02:00' }],
  ['clarifying', 'clarification-request', 'dk', { question: 'Which of the two fictional numbers?', requestedAt: '2024-10-02T09:00:00+02:00' }],
];

const HEADER = 'year,reporting_country,figure,other_country,urgency,ground,count';
type Split = [urgent: number, notUrgent: number];

/** The CSV lines of one country's Art. 18 figures in the read model's stable layout (README, "Statistics CSV"). */
export function figuresCsv(country: string, f: {
  submitted?: [string, Split]; received?: [string, Split]; answered?: [string, Split];
  refused?: [string, number, string]; deviation?: [string, number];
}): string[] {
  const lines = [HEADER];
  const row = (...cells: (string | number)[]) => lines.push([YEAR, country, ...cells].join(','));
  for (const figure of ['submitted', 'received', 'answered'] as const) {
    const [other, [u, n]] = f[figure] ?? ['', [0, 0]];
    row(figure, '', 'urgent', '', u); row(figure, '', 'not_urgent', '', n); row(figure, '', 'all', '', u + n);
    if (other) { row(figure, other, 'urgent', '', u); row(figure, other, 'not_urgent', '', n); row(figure, other, 'all', '', u + n); }
  }
  const [refusedBy, refusals, ground] = f.refused ?? ['', 0, ''];
  row('refused', '', 'all', '', refusals);
  if (refusedBy) row('refused', refusedBy, 'all', '', refusals);
  for (const g of 'abcdefgh') row('refusal_ground', '', 'all', g, g === ground ? refusals : 0);
  const [deviatedFor, deviations] = f.deviation ?? ['', 0];
  row('deviation', '', 'all', '', deviations);
  if (deviatedFor) row('deviation', deviatedFor, 'all', '', deviations);
  return lines;
}

/**
 * Art. 18 figures as each country reports them, computed by hand from the story above: SE sent one
 * urgent and three other requests and answered DK's urgent one late because of the judicial
 * authorisation (a deviation); DK received SE's four, answered one and refused one on ground (g).
 */
export const SWEDEN_FIGURES = figuresCsv('SE', { submitted: ['DK', [1, 3]], received: ['DK', [1, 0]], answered: ['DK', [1, 0]], deviation: ['DK', 1] });
export const DENMARK_FIGURES = figuresCsv('DK', { submitted: ['SE', [1, 0]], received: ['SE', [1, 3]], answered: ['SE', [1, 0]], refused: ['SE', 1, 'g'] });
/** A country with no requests reports zeros in the same layout. */
export const NORWAY_FIGURES = figuresCsv('NO', {});

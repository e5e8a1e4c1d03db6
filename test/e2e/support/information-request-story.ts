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

/** Art. 18 figures as each country reports them, computed by hand from the story above. */
export const SWEDEN_FIGURES = [
  'year,country,measure,counterpart_country,urgency,ground,count',
  '2024,SE,submitted,DK,urgent,,1',
  '2024,SE,submitted,DK,non_urgent,,3',
  '2024,SE,received,DK,urgent,,1',
  '2024,SE,answered,DK,urgent,,1',
  '2024,SE,judicial_authorisation_deviation,DK,,,1',
];
export const DENMARK_FIGURES = [
  'year,country,measure,counterpart_country,urgency,ground,count',
  '2024,DK,submitted,SE,urgent,,1',
  '2024,DK,received,SE,urgent,,1',
  '2024,DK,received,SE,non_urgent,,3',
  '2024,DK,answered,SE,urgent,,1',
  '2024,DK,refused,SE,,g,1',
];

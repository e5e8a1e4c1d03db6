// Why personal data is erased: the grounds the Law Enforcement Directive (EU) 2016/680 names. The
// erasure event records the basis and a reason, never the erased values (Art. 25 logging).
export const ERASURE_BASES = [
  /** Art. 5: the time limit for storage has passed (a retention review found no need to keep it). */
  'retention-period-ended',
  /** Art. 16(2): processing infringes the rules (e.g. the data was never lawfully collected). */
  'unlawful-processing',
  /** Art. 16(2): erasure is required to comply with a legal obligation (a court or authority decision). */
  'legal-obligation',
  /** Art. 4(1)(e) and 16(2): no longer necessary for the purpose it was collected for. */
  'no-longer-necessary',
] as const;

export type ErasureBasis = (typeof ERASURE_BASES)[number];

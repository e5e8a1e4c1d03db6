/**
 * The one rule for reading platform referrals: a country sees a referral it referred (the originator
 * or a co-referrer) or one linked to a case it may see (case_access, the same table and events as
 * every case read model). Referral rows keep their referrers as a sorted, comma-joined list of
 * countries (`referrers`, originator included) and their case as `case_id` (NULL or '' if none).
 * Bind `@viewerCountry` (viewerParams). A revocation takes effect on the next query.
 */
export function referralVisibleTo(alias: string): string {
  return `(instr(',' || ${alias}.referrers || ',', ',' || @viewerCountry || ',') > 0
    OR ${alias}.case_id IN (SELECT case_id FROM case_access WHERE country = @viewerCountry))`;
}

/** Action days are seen by their organiser and participating countries (`countries`, comma-joined). */
export function actionDayVisibleTo(alias: string): string {
  return `instr(',' || ${alias}.countries || ',', ',' || @viewerCountry || ',') > 0`;
}

/** The `referrers` value with `country` added: sorted, without duplicates. */
export function withReferrer(referrers: string, country: string): string {
  const set = new Set(referrers ? referrers.split(',') : []);
  set.add(country);
  return [...set].sort().join(',');
}

/**
 * The same rule evaluated for one referral in the write path (aggregates that are counted per viewer
 * country): its referrers plus every country with access to its case. Returns sorted countries.
 */
export function referralViewers(referrers: string, caseCountries: readonly string[]): string[] {
  const set = new Set(referrers ? referrers.split(',') : []);
  for (const c of caseCountries) set.add(c);
  return [...set].sort();
}

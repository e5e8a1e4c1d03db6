/**
 * The one rule for reading information requests between countries (Directive (EU) 2023/977): a
 * request is seen by its two countries, the requesting and the requested one, and by nobody else —
 * not even by a country that may see the case the request is linked to (the request is an exchange
 * between two single points of contact, not a part of the case). Request rows keep both countries
 * as `requesting_country` and `requested_country`. Bind `@viewerCountry` (viewerParams).
 */
export function requestVisibleTo(alias: string): string {
  return `@viewerCountry IN (${alias}.requesting_country, ${alias}.requested_country)`;
}

/** The countries that may see a request (the rule above, evaluated in the write path), sorted. */
export function requestViewers(requestingCountry: string, requestedCountry: string): string[] {
  return [...new Set([requestingCountry, requestedCountry])].sort();
}

import type { CountryCode } from './country-code.js';

/**
 * Everything impure a decision needs, supplied by the application layer: who acts (from the
 * verified token), what time it is, and the ids tying the command into its conversation.
 * The same fields become event metadata, so they are not copied into event data.
 */
export interface CommandMetadata {
  actor: { id: string; country: CountryCode };
  /** ISO-8601 instant; the domain's only notion of "now". */
  now: string;
  correlationId: string;
  causationId: string;
}

/**
 * Council guidelines 6243/18: H0 use only to prevent and combat crime; H1 not to be disclosed
 * in judicial proceedings without the provider's permission; H2 not to be passed on without
 * the provider's permission; H3 other restrictions, stated in free text.
 */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export const isHandlingCode = (value: unknown): value is HandlingCode =>
  typeof value === 'string' && (HANDLING_CODES as readonly string[]).includes(value);

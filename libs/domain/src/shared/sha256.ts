// SHA-256 digests arrive as hex from the application layer (node:crypto), which the domain cannot use.
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** 64 hex digits, either case (node:crypto writes lowercase; some tools write uppercase). */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** Short, stable reason codes: safe to log, never shown to clients. */
export type AuthFailureReason =
  | 'missing-token'
  | 'malformed'
  | 'untrusted-issuer'
  | 'algorithm-not-allowed'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'missing-claim'
  | 'invalid-claim'
  | 'country-mismatch'
  | 'jwks-unavailable';

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';

  constructor(
    readonly reason: AuthFailureReason,
    options?: { cause?: unknown },
  ) {
    super(`authentication failed: ${reason}`, options);
  }
}

/** Thrown at startup when the trusted-issuer configuration is unusable. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

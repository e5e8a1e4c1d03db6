/** Nest DI tokens; inject with `@Inject(TOKEN)` (ESM builds cannot rely on type metadata). */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

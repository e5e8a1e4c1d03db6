import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { AUTH_CONFIG, TOKEN_VERIFIER } from './auth.tokens.js';
import { loadAuthConfig, type AuthConfig, type AuthEnv } from './issuers.config.js';
import { TokenVerifier, type TokenVerifierOptions } from './token-verifier.js';

export interface AuthModuleOptions {
  /** Defaults to process.env; tests pass their own. */
  env?: AuthEnv;
  /** Skips env loading entirely, e.g. for tests with in-memory issuers. */
  config?: AuthConfig;
  verifier?: Omit<TokenVerifierOptions, 'audience'>;
  /** Register AuthGuard as APP_GUARD (default true): every route needs a token unless @Public(). */
  globalGuard?: boolean;
}

@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [
      {
        provide: AUTH_CONFIG,
        useFactory: async (): Promise<AuthConfig> => {
          const config = options.config ?? (await loadAuthConfig(options.env ?? process.env));
          if (config.mode === 'development') {
            new Logger('Auth').warn(
              'DEVELOPMENT MODE: trusting the built-in development identity providers (/dev/idp). Configure TRUSTED_ISSUERS for real use.',
            );
          }
          return config;
        },
      },
      {
        provide: TOKEN_VERIFIER,
        inject: [AUTH_CONFIG],
        useFactory: (config: AuthConfig): TokenVerifier => {
          const logger = new Logger('Auth');
          return new TokenVerifier(config.issuers, {
            requireHttps: (options.env ?? process.env).NODE_ENV === 'production',
            log: (message) => logger.warn(message),
            ...options.verifier,
            audience: config.audience,
          });
        },
      },
      AuthGuard,
    ];
    if (options.globalGuard !== false) providers.push({ provide: APP_GUARD, useExisting: AuthGuard });
    return {
      module: AuthModule,
      global: true,
      providers,
      exports: [AUTH_CONFIG, TOKEN_VERIFIER, AuthGuard],
    };
  }
}

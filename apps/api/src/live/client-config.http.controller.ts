import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SHUTTING_DOWN_RESPONSE } from '../commands/http/problem.dto.js';
import { AUTH_CONFIG, Public, TOKEN_VERIFIER } from '../auth/index.js';
import type { AuthConfig, TokenVerifier } from '../auth/index.js';

export class SignInMetadataDto {
  @ApiProperty() issuer!: string;
  @ApiProperty() authorization_endpoint!: string;
  @ApiProperty() token_endpoint!: string;
  @ApiPropertyOptional() end_session_endpoint?: string;
  @ApiPropertyOptional() revocation_endpoint?: string;
  @ApiProperty() jwks_uri!: string;
}

export class SignInIssuerDto {
  @ApiProperty({ description: 'Stable id of this sign-in option', example: 'se' }) id!: string;
  @ApiProperty({ example: 'Swedish Police' }) name!: string;
  @ApiProperty({ example: 'SE' }) country!: string;
  @ApiProperty({ description: 'OpenID issuer (the oidc-client-ts authority)' }) authority!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ example: 'openid profile' }) scope!: string;
  @ApiPropertyOptional({ example: 'login' }) prompt?: string;
  @ApiPropertyOptional({ type: Object }) extraQueryParams?: Record<string, string>;
  @ApiProperty({ description: 'A development IdP inside the service' }) development!: boolean;
  @ApiPropertyOptional({ type: SignInMetadataDto, description: 'The IdP endpoints, when the service holds its discovery document' })
  metadata?: SignInMetadataDto;
}

export class ClientConfigDto {
  @ApiProperty({ enum: ['development', 'configured'] }) authMode!: 'development' | 'configured';
  @ApiProperty({ type: [SignInIssuerDto], description: '"Sign in with …" options: issuers configured with a dashboard client' })
  issuers!: SignInIssuerDto[];
}

/** How long the dashboard's first request may wait for an IdP's discovery document. */
const DISCOVERY_WAIT_MS = 2000;

/** The origins the dashboard must reach (discovery and token endpoints), for its CSP connect-src. */
export function identityProviderOrigins(verifier: TokenVerifier): readonly string[] {
  // Every answer's CSP names these; parsing the issuers' URLs per request cost more than the rest of the
  // header hook. Issuers are only added (the development IdPs once the service listens), so the count says when to look again.
  const known = ORIGINS.get(verifier);
  if (known?.count === verifier.trustedCount) return known.origins;
  const origins = originsOf(verifier);
  ORIGINS.set(verifier, { count: verifier.trustedCount, origins });
  return origins;
}

const ORIGINS = new WeakMap<TokenVerifier, { count: number; origins: readonly string[] }>();

function originsOf(verifier: TokenVerifier): readonly string[] {
  const origins = new Set<string>();
  for (const issuer of verifier.trusted()) {
    if (issuer.dashboard === undefined || issuer.discoveryUrl === undefined) continue;
    origins.add(new URL(issuer.discoveryUrl).origin);
    origins.add(new URL(issuer.issuer).origin);
  }
  return [...origins];
}

/** What the dashboard needs before sign-in: whom it may sign in with. Public and free of data. */
@ApiTags('sign-in')
@Controller('api/v1/client-config')
export class ClientConfigController {
  constructor(
    @Inject(AUTH_CONFIG) private readonly auth: AuthConfig,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Sign-in options for the dashboard (public)' })
  @ApiOkResponse({ type: ClientConfigDto })
  @ApiServiceUnavailableResponse(SHUTTING_DOWN_RESPONSE)
  async get(): Promise<ClientConfigDto> {
    const ids = new Map<string, number>();
    const issuers: SignInIssuerDto[] = [];
    for (const issuer of this.verifier.trusted()) {
      if (issuer.dashboard === undefined) continue;
      const base = issuer.country.toLowerCase();
      const n = (ids.get(base) ?? 0) + 1;
      ids.set(base, n);
      const config = await this.verifier.openIdConfiguration(issuer.issuer, DISCOVERY_WAIT_MS);
      issuers.push({
        id: n === 1 ? base : `${base}-${n}`,
        name: issuer.name ?? `${issuer.country} identity provider`,
        country: issuer.country,
        authority: issuer.issuer,
        clientId: issuer.dashboard.clientId,
        scope: issuer.dashboard.scope ?? 'openid profile',
        ...(issuer.dashboard.prompt !== undefined ? { prompt: issuer.dashboard.prompt } : {}),
        ...(issuer.dashboard.extraQueryParams !== undefined ? { extraQueryParams: { ...issuer.dashboard.extraQueryParams } } : {}),
        development: issuer.development === true,
        ...(config?.authorization_endpoint !== undefined && config.token_endpoint !== undefined
          ? {
              metadata: {
                issuer: config.issuer,
                authorization_endpoint: config.authorization_endpoint,
                token_endpoint: config.token_endpoint,
                jwks_uri: config.jwks_uri,
                ...(config.end_session_endpoint !== undefined ? { end_session_endpoint: config.end_session_endpoint } : {}),
                ...(config.revocation_endpoint !== undefined ? { revocation_endpoint: config.revocation_endpoint } : {}),
              },
            }
          : {}),
      });
    }
    return { authMode: this.auth.mode, issuers };
  }
}

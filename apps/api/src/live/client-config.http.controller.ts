import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SHUTTING_DOWN_RESPONSE } from '../commands/http/problem.dto.js';
import { APP_CONFIG } from '../config/app.config.js';
import type { AppConfig } from '../config/app.config.js';
import { AUTH_CONFIG, Public } from '../auth/index.js';
import type { AuthConfig } from '../auth/index.js';

export class ClientConfigDto {
  @ApiProperty({ enum: ['development', 'configured'] }) authMode!: 'development' | 'configured';
  @ApiProperty({ description: 'Whether POST /dev/token exists (development mode only).' }) devSignIn!: boolean;
}

/** What the dashboard needs before sign-in: which sign-in page to show. Public and free of data. */
@ApiTags('live updates')
@Controller('api/v1/client-config')
export class ClientConfigController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUTH_CONFIG) private readonly auth: AuthConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Sign-in options for the dashboard (public)' })
  @ApiOkResponse({ type: ClientConfigDto })
  @ApiServiceUnavailableResponse(SHUTTING_DOWN_RESPONSE)
  get(): ClientConfigDto {
    return { authMode: this.auth.mode, devSignIn: this.auth.mode === 'development' && !this.config.production };
  }
}

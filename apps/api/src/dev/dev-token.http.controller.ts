import { Body, Controller, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ProblemDto, SHUTTING_DOWN_RESPONSE } from '../commands/http/problem.dto.js';
import { IsIn } from 'class-validator';
import { APP_CONFIG } from '../config/app.config.js';
import type { AppConfig } from '../config/app.config.js';
import { AUTH_CONFIG, DEV_COUNTRIES, Public, ROLE_SCOPES, mintDevToken } from '../auth/index.js';
import type { AuthConfig, DevCountry, Role } from '../auth/index.js';
import { ROLES } from '../auth/scopes.js';

export class DevTokenRequestDto {
  @ApiProperty({ enum: DEV_COUNTRIES, example: 'DK' })
  @IsIn(DEV_COUNTRIES, { message: `country must be one of ${DEV_COUNTRIES.join(', ')}` })
  country!: DevCountry;

  @ApiProperty({ enum: ROLES, example: 'officer' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}

export class DevTokenResponseDto {
  @ApiProperty({ description: 'Bearer JWT signed by the local dev identity provider of that country.' }) token!: string;
  @ApiProperty({ example: 'DK' }) country!: string;
  @ApiProperty({ example: 'officer' }) role!: string;
  @ApiProperty({ example: 'dev-dk-officer' }) subject!: string;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ description: 'Epoch seconds' }) expiresAt!: number;
}

const TTL_SECONDS = 8 * 3600;

/**
 * Development only (see DevModule): hands out dev-IdP tokens so the dashboard can offer "sign in as".
 * Never registered in production or when real issuers are configured.
 */
@ApiTags('development')
@Controller('dev')
export class DevTokenController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUTH_CONFIG) private readonly auth: AuthConfig,
  ) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'DEVELOPMENT ONLY: a token from the local dev identity provider for a country and role' })
  @ApiOkResponse({ type: DevTokenResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed JSON, or an unknown country or role.', type: ProblemDto })
  @ApiNotFoundResponse({ description: 'Not in development mode.', type: ProblemDto })
  @ApiPayloadTooLargeResponse({ description: 'Body larger than BODY_LIMIT_BYTES.', type: ProblemDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'Body is not application/json.', type: ProblemDto })
  @ApiServiceUnavailableResponse(SHUTTING_DOWN_RESPONSE)
  async token(@Body() body: DevTokenRequestDto): Promise<DevTokenResponseDto> {
    // Belt and braces: the module is only registered in development, and the loaded config must agree.
    if (this.auth.mode !== 'development' || this.config.production) throw new NotFoundException();
    const subject = `dev-${body.country.toLowerCase()}-${body.role}`;
    const token = await mintDevToken({
      country: body.country,
      role: body.role,
      sub: subject,
      name: `${body.country} ${body.role} (dev)`,
      ttl: TTL_SECONDS,
      audience: this.auth.audience,
      dataDir: this.config.dataDir,
    });
    return {
      token,
      country: body.country,
      role: body.role,
      subject,
      scopes: [...ROLE_SCOPES[body.role]],
      expiresAt: Math.floor(Date.now() / 1000) + TTL_SECONDS,
    };
  }
}

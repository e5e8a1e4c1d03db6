import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import type { AuthEnv } from '../auth/issuers.config.js';
import { isDevelopmentAuth } from './dev-mode.js';
import { DevTokenController } from './dev-token.http.controller.js';

/** Dev-only routes (POST /dev/token); an empty module, so no route at all, outside development mode. */
@Module({})
export class DevModule {
  static register(env: AuthEnv): DynamicModule {
    return { module: DevModule, controllers: isDevelopmentAuth(env) ? [DevTokenController] : [] };
  }
}

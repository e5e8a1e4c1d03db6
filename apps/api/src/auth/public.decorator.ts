import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const IS_PUBLIC_KEY = 'liaison:auth:public';

/**
 * Skips authentication entirely (health, readiness, API docs), and says so in the OpenAPI document:
 * `security: [{}]`, the empty requirement (no credentials needed), so every operation states its
 * security and the contract cannot show a public route as protected or the other way round.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiSecurity({})) as MethodDecorator & ClassDecorator;

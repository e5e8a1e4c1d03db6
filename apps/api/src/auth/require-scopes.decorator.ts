import { SetMetadata } from '@nestjs/common';
import type { Scope } from './scopes.js';

export const REQUIRED_SCOPES_KEY = 'liaison:auth:scopes:all';
export const ANY_SCOPE_KEY = 'liaison:auth:scopes:any';

/** All listed scopes are required; class- and method-level lists add up. */
export const RequireScopes = (...scopes: Scope[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_SCOPES_KEY, scopes);

/** At least one listed scope is required; a method-level list replaces a class-level one. */
export const RequireAnyScope = (...scopes: Scope[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ANY_SCOPE_KEY, scopes);

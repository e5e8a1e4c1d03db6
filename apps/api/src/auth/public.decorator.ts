import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'liaison:auth:public';

/** Skips authentication entirely (health, readiness, API docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

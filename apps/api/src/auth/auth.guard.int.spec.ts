import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Controller, Get, Logger, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Principal } from './auth.types.js';
import { AUDIENCE, makeKey, sign, type TestKey } from './auth-test.fixtures.js';
import { AuthModule } from './auth.module.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { Public } from './public.decorator.js';
import { RequireAnyScope, RequireScopes } from './require-scopes.decorator.js';
import { Scope } from './scopes.js';

const SE = 'https://idp.se.example';

@Controller()
class ProbeController {
  @Public()
  @Get('health')
  health(): { ok: boolean } {
    return { ok: true };
  }

  @Get('me')
  me(@CurrentPrincipal() p: Principal): { subject: string; country: string; scopes: string[] } {
    return { subject: p.subject, country: p.country, scopes: [...p.scopes] };
  }

  @RequireScopes(Scope.CasesWrite, Scope.CasesShare)
  @Get('share')
  share(): string {
    return 'shared';
  }

  @RequireAnyScope(Scope.AuditRead, Scope.DashboardsRead)
  @Get('oversight')
  oversight(): string {
    return 'seen';
  }
}

@RequireScopes(Scope.AuditRead)
@Controller('audit')
class AuditController {
  @RequireScopes(Scope.CasesRead)
  @Get()
  list(): string {
    return 'audit';
  }
}

let key: TestKey;
let app: NestFastifyApplication;
const warnings: string[] = [];

beforeAll(async () => {
  key = await makeKey('ES256');
  @Module({
    imports: [
      AuthModule.forRoot({
        config: {
          mode: 'configured',
          audience: AUDIENCE,
          issuers: [{ issuer: SE, country: 'SE', algorithms: ['ES256'], jwks: { keys: [key.publicJwk] } }],
        },
        // Real clock: tokens below are minted relative to now.
      }),
    ],
    controllers: [ProbeController, AuditController],
  })
  class TestModule {}
  app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
  jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});
afterAll(async () => {
  jest.restoreAllMocks();
  await (app as INestApplication | undefined)?.close();
});

const now = (): number => Math.floor(Date.now() / 1000);
const token = (scope: string, extra: Record<string, unknown> = {}): Promise<string> =>
  sign(key, SE, 'SE', { iat: now(), claims: { scope, ...extra } });

async function get(url: string, bearer?: string): Promise<{ status: number; body: string }> {
  const res = await app.inject({ method: 'GET', url, headers: bearer === undefined ? {} : { authorization: bearer } });
  return { status: res.statusCode, body: res.body };
}

describe('AuthGuard (global via AuthModule.forRoot)', () => {
  it('lets @Public() routes through without a token', async () => {
    expect((await get('/health')).status).toBe(200);
  });

  it('returns 401 with a generic message when the token is missing or invalid', async () => {
    const valid = await token('cases:read');
    const expired = await sign(key, SE, 'SE', { iat: now() - 7200, ttlSec: 60 });
    const wrongCountry = await sign(key, SE, 'DK', { iat: now() });
    for (const header of [undefined, '', 'Basic abc', `Bearer`, `Token ${valid}`, `Bearer ${expired}`, `Bearer ${wrongCountry}`]) {
      const res = await get('/me', header);
      expect(res.status).toBe(401);
      expect(res.body).not.toMatch(/expired|country|signature/i);
    }
  });

  it('logs the reason code, never the token', async () => {
    warnings.length = 0;
    const expired = await sign(key, SE, 'SE', { iat: now() - 7200, ttlSec: 60 });
    await get('/me', `Bearer ${expired}`);
    expect(warnings.join('\n')).toContain('(expired)');
    expect(warnings.join('\n')).not.toContain(expired.split('.')[1]);
  });

  it('exposes the principal via @CurrentPrincipal()', async () => {
    const res = await get('/me', `bearer ${await token('cases:read dashboards:read')}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ subject: 'se-officer-1', country: 'SE', scopes: ['cases:read', 'dashboards:read'] });
  });

  it('@RequireScopes is all-of, and class + method scopes add up', async () => {
    expect((await get('/share', `Bearer ${await token('cases:write')}`)).status).toBe(403);
    expect((await get('/share', `Bearer ${await token('cases:write cases:share')}`)).status).toBe(200);
    expect((await get('/audit', `Bearer ${await token('audit:read')}`)).status).toBe(403);
    expect((await get('/audit', `Bearer ${await token('cases:read')}`)).status).toBe(403);
    expect((await get('/audit', `Bearer ${await token('audit:read cases:read')}`)).status).toBe(200);
  });

  it('@RequireAnyScope is any-of', async () => {
    expect((await get('/oversight', `Bearer ${await token('cases:read')}`)).status).toBe(403);
    expect((await get('/oversight', `Bearer ${await token('dashboards:read')}`)).status).toBe(200);
  });
});

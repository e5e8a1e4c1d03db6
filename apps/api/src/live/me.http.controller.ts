import { Controller, Get } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiRead } from '../access/api-read.decorator.js';
import { CurrentPrincipal } from '../auth/index.js';
import type { Principal } from '../auth/index.js';

export class MeDto {
  @ApiProperty({ example: 'dk-officer-1' }) subject!: string;
  @ApiProperty({ example: 'DK' }) country!: string;
  @ApiProperty() issuer!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ type: [String], example: ['cases:read', 'dashboards:read'] }) scopes!: string[];
  @ApiProperty({ type: [String], example: ['officer'], description: 'Liaison roles the issuer\'s claims mapped to' }) roles!: string[];
  @ApiProperty({ description: 'Epoch milliseconds' }) expiresAt!: number;
}

/**
 * Who the API takes the caller to be, after verification and the issuer's claims mapping: the
 * dashboard labels itself with this (and says so when a sign-in carries no Liaison role) instead of
 * reading claims from an unverified token. Any valid token may ask; no scope needed.
 */
@ApiTags('sign-in')
@Controller('api/v1/me')
export class MeController {
  @Get()
  // The same answers as any authenticated read (401 with WWW-Authenticate, 400 for a malformed header,
  // 503 while shutting down), though no scope is needed and the answer is not the read envelope.
  @ApiRead({ summary: 'The verified caller: country, subject, Liaison roles and scopes', ok: { type: MeDto } })
  me(@CurrentPrincipal() p: Principal): MeDto {
    return {
      subject: p.subject,
      country: p.country,
      issuer: p.issuer,
      ...(p.name !== undefined ? { name: p.name } : {}),
      scopes: [...p.scopes].sort(),
      roles: [...(p.roles ?? [])],
      expiresAt: p.expiresAt,
    };
  }
}

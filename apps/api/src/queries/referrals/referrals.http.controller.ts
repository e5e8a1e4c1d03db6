import { Controller, Get, NotFoundException, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiRead } from '../../access/api-read.decorator.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { REFERRAL_BASES, REFERRAL_PLATFORMS } from '@liaison/domain';
import { RequireAnyScope, RequireScopes, Scope } from '../../auth/index.js';
import { UuidParam } from '../../commands/http/path-params.js';
import { CountryFilter } from '../shared/country-query.js';
import { InstantFilter } from '../shared/instant-filter.js';
import { PagedQueryDto, ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';

export const REFERRAL_STATUSES = ['referred', 'sent', 'acknowledged', 'removed', 'geo_blocked', 'declined', 'no_response', 'reappeared', 'withdrawn'] as const;

class PlatformFilterDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: REFERRAL_PLATFORMS })
  @IsOptional()
  @IsIn([...REFERRAL_PLATFORMS], { message: `platform must be one of ${REFERRAL_PLATFORMS.join(', ')}` })
  platform?: string;
}

class ListReferralsQueryDto extends PlatformFilterDto {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn([...REFERRAL_STATUSES], { message: `status must be one of ${REFERRAL_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: REFERRAL_BASES })
  @IsOptional()
  @IsIn([...REFERRAL_BASES])
  basis?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'caseId must be a UUID' }) caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'handlerId must be a UUID' }) handlerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'actionDayId must be a UUID' }) actionDayId?: string;

  @CountryFilter('SE') country?: string;
  @InstantFilter('Referred at or after this instant.') from?: string;
  @InstantFilter('Referred before this instant.') to?: string;

  @ApiPropertyOptional({ description: 'Only referrals sent, unanswered and past their response deadline.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdueOnly must be true or false' })
  overdueOnly?: boolean;
}

@ApiTags('referrals (queries)')
@ApiBearerAuth()
@Controller('api/v1/referrals')
export class ReferralsQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'The referral ledger: referrals your country made or joined, or that are linked to a case shared with it (locators are personal data: purpose required)' })
  list(@Req() req: FastifyRequest, @Query() q: ListReferralsQueryDto) {
    const { platform, status, basis, caseId, handlerId, actionDayId, country, from, to, overdueOnly, limit, cursor } = q;
    return this.gateway.read(req, ...namedQuery('listReferrals', { platform, status, basis, caseId, handlerId, actionDayId, country, from, to, overdueOnly, limit, cursor }));
  }

  @Get('overdue')
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'Open referrals past their response deadline, oldest deadline first (purpose required)' })
  overdue(@Req() req: FastifyRequest, @Query() q: PlatformFilterDto) {
    return this.gateway.read(req, ...namedQuery('overdueReferrals', { platform: q.platform, limit: q.limit }));
  }

  @Get('action-days')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({ summary: 'Referral action days your country organised or takes part in' })
  actionDays(@Req() req: FastifyRequest, @Query() _q: ReadQueryDto) {
    return this.gateway.read(req, ...namedQuery('actionDays', {}));
  }

  @Get('action-days/:actionDayId')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({ summary: 'Progress of one action day over the referrals you may see: referred, sent, answered, removed, declined, unanswered, reappeared', notFound: 'No such action day, or not one your country takes part in (ACTION_DAY_NOT_FOUND).' })
  async actionDay(@Req() req: FastifyRequest, @UuidParam('actionDayId') actionDayId: string, @Query() _q: ReadQueryDto) {
    const answer = await this.gateway.read(req, ...namedQuery('actionDayProgress', { actionDayId }));
    if (!answer.data) throw new NotFoundException({ message: 'Action day not found', code: 'ACTION_DAY_NOT_FOUND' });
    return answer;
  }

  @Get(':referralId')
  @RequireScopes(Scope.CasesRead)
  @ApiRead({ summary: 'One referral with its current round (purpose required)', notFound: 'No such referral, or one your country may not see (REFERRAL_NOT_FOUND).' })
  async detail(@Req() req: FastifyRequest, @UuidParam('referralId') referralId: string, @Query() _q: ReadQueryDto) {
    const answer = await this.gateway.read(req, ...namedQuery('referralDetail', { referralId }));
    if (!answer.data) throw new NotFoundException({ message: 'Referral not found', code: 'REFERRAL_NOT_FOUND' });
    return answer;
  }
}

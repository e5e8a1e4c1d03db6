import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiRead } from '../../access/api-read.decorator.js';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { REFERRAL_BASES, REFERRAL_PLATFORMS } from '@liaison/domain';
import { RequireAnyScope, Scope } from '../../auth/index.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class ResponsivenessQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'First month (YYYY-MM, by referral date, UTC).', example: '2025-01' })
  @IsOptional() @Matches(MONTH, { message: 'from must be a month YYYY-MM' }) from?: string;

  @ApiPropertyOptional({ description: 'Last month, inclusive (YYYY-MM).', example: '2025-12' })
  @IsOptional() @Matches(MONTH, { message: 'to must be a month YYYY-MM' }) to?: string;

  @ApiPropertyOptional({ enum: REFERRAL_PLATFORMS })
  @IsOptional() @IsIn([...REFERRAL_PLATFORMS], { message: `platform must be one of ${REFERRAL_PLATFORMS.join(', ')}` }) platform?: string;

  @ApiPropertyOptional({ enum: REFERRAL_BASES, description: 'Removal orders and terms-of-service referrals are different duties: filter to compare like with like.' })
  @IsOptional() @IsIn([...REFERRAL_BASES], { message: `basis must be one of ${REFERRAL_BASES.join(', ')}` }) basis?: string;
}

@ApiTags('platforms')
@ApiBearerAuth()
@Controller('api/v1/platforms')
export class PlatformsQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get('responsiveness')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({
    summary: 'How platforms answer: per platform and month, removal rate, median and p90 hours to removal, share unanswered after 24 h and 7 days, removal orders answered within the hour, re-upload rate; per referring country',
    description: 'Over the referrals your country may see. No personal data: no purpose needed, the read is still access-logged.',
  })
  responsiveness(@Req() req: FastifyRequest, @Query() q: ResponsivenessQueryDto) {
    return this.gateway.read(req, ...namedQuery('platformResponsiveness', { from: q.from, to: q.to, platform: q.platform, basis: q.basis }));
  }
}

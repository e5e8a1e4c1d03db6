import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RequireScopes, Scope } from '../../auth/index.js';
import { PagedQueryDto, ReadQueryDto } from '../../access/read-query.dto.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';

class AccessLogQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ description: 'Officer subject (the token `sub`)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  officer?: string;

  @ApiPropertyOptional({ description: 'Leave out this officer subject\'s accesses (the dashboard hides the supervisor\'s own reads by default)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  excludeOfficer?: string;

  @ApiPropertyOptional({ description: 'Only accesses that returned this case' })
  @IsOptional()
  @IsUUID()
  case?: string;

  @ApiPropertyOptional({ description: 'Only accesses that returned this referral' })
  @IsOptional()
  @IsUUID()
  referral?: string;

  @ApiPropertyOptional({ description: 'Only accesses that returned this information request' })
  @IsOptional()
  @IsUUID()
  request?: string;

  @ApiPropertyOptional({ description: 'Accessed at or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Accessed before (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

class AccessOfficersQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Leave out this officer subject (the supervisor asking)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  excludeOfficer?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/access')
export class AccessLogController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get('officers')
  @RequireScopes(Scope.AuditRead)
  @ApiRead({
    summary: 'The officers in the access log you may see (your country\'s officers, and anyone who read a case your country owns), with how many accesses and the latest (needs a purpose; this read is logged too)',
    description: 'For the audit view\'s officer picker: pick one and filter the log with `?officer=`.',
  })
  officers(@Req() req: FastifyRequest, @Query() q: AccessOfficersQueryDto) {
    return this.gateway.read(req, ...namedQuery('accessOfficers', { excludeOfficer: q.excludeOfficer }));
  }

  @Get()
  @RequireScopes(Scope.AuditRead)
  @ApiRead({ summary: 'Access log, newest first: every access by your country\'s officers and every access by anyone to cases your country owns (needs a purpose; this read is logged too)' })
  list(@Req() req: FastifyRequest, @Query() q: AccessLogQueryDto) {
    return this.gateway.read(req, ...namedQuery('accessLogTitled', {
      officer: q.officer, excludeOfficer: q.excludeOfficer, caseId: q.case, referralId: q.referral, requestId: q.request, from: q.from, to: q.to, limit: q.limit, cursor: q.cursor,
    }));
  }
}

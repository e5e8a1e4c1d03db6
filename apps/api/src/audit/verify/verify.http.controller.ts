import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RequireScopes, Scope } from '../../auth/index.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { AuditRunner } from '../audit-runner.js';
import { ApiRead } from '../../access/api-read.decorator.js';

class VerifyQueryDto extends ReadQueryDto {
  @ApiProperty({ description: 'Case id' })
  @IsUUID()
  case!: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/verify')
export class VerifyController {
  constructor(
    private readonly gateway: ReadModelGateway,
    private readonly audits: AuditRunner,
  ) {}

  @Get()
  @RequireScopes(Scope.AuditRead)
  @ApiRead({ summary: 'Checks one case stream\'s hash chain and revisions; names the first broken link (owner-country supervisors)', notFound: 'No such case, or not one your country owns (CASE_NOT_FOUND).' })
  verify(@Req() req: FastifyRequest, @Query() q: VerifyQueryDto) {
    const caseId = q.case;
    // No personal data in the answer (types, revisions, positions), so no purpose is required.
    return this.gateway.consult(req, { fields: 'integrity', query: 'verifyCase', params: { caseId } }, async ({ viewer }) => {
      return this.audits.run({ kind: 'verifyCase', caseId, viewerCountry: viewer.country });
    });
  }
}

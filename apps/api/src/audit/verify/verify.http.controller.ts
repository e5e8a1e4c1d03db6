import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { RequireScopes, Scope } from '../../auth/index.js';
import { ReadQueryDto } from '../../queries/shared/read-query.dto.js';
import { ReadModelGateway } from '../../queries/shared/read-model.gateway.js';
import { ProjectionsHost } from '../../queries/shared/projection-runner.provider.js';
import { ApiReadUnavailable } from '../../queries/shared/api-read-unavailable.decorator.js';

class VerifyQueryDto extends ReadQueryDto {
  @ApiProperty({ description: 'Case id' })
  @IsUUID()
  case!: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@ApiReadUnavailable()
@Controller('api/v1/audit/verify')
export class VerifyController {
  constructor(
    private readonly gateway: ReadModelGateway,
    private readonly host: ProjectionsHost,
  ) {}

  @Get()
  @RequireScopes(Scope.AuditRead)
  @ApiOperation({ summary: 'Checks one case stream\'s hash chain and revisions; names the first broken link (owner-country supervisors)' })
  verify(@Req() req: FastifyRequest, @Query() q: VerifyQueryDto) {
    const caseId = q.case;
    // No personal data in the answer (types, revisions, positions), so no purpose is required.
    return this.gateway.consult(req, { fields: 'integrity', query: 'verifyCase', params: { caseId } }, async ({ viewer }) => {
      return this.host.audit({ kind: 'verifyCase', caseId, viewerCountry: viewer.country });
    });
  }
}

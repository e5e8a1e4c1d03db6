import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { caseStreamId } from '@liaison/domain';
import { verifyEvents, type EventStore } from '@liaison/event-store';
import { RequireScopes, Scope } from '../../auth/index.js';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';
import { ReadQueryDto } from '../../queries/shared/read-query.dto.js';
import { ReadModelGateway } from '../../queries/shared/read-model.gateway.js';
import { ownedCaseStream } from '../shared/case-stream.js';

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
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @RequireScopes(Scope.AuditRead)
  @ApiOperation({ summary: 'Checks one case stream\'s hash chain and revisions; names the first broken link (owner-country supervisors)' })
  verify(@Req() req: FastifyRequest, @Query() q: VerifyQueryDto) {
    const caseId = q.case;
    // No personal data in the answer (types, revisions, positions), so no purpose is required.
    return this.gateway.consult(req, { fields: 'integrity', query: 'verifyCase', params: { caseId } }, async ({ viewer }) => {
      const { events } = await ownedCaseStream(this.store, caseId, viewer.country);
      const report = verifyEvents(events);
      return { readAt: events[events.length - 1].position.toString(), data: { caseId, stream: caseStreamId(caseId), ...report } };
    });
  }
}

import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRead } from '../../access/api-read.decorator.js';
import type { FastifyRequest } from 'fastify';
import { RequireScopes, Scope } from '../../auth/index.js';
import { UuidParam } from '../../commands/http/path-params.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { AuditRunner } from '../audit-runner.js';
import { ReplayQueryDto } from '../replay-case/replay-case.http.controller.js';
import { parseAsOf } from '../shared/as-of.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/referrals')
export class ReplayReferralController {
  constructor(
    private readonly gateway: ReadModelGateway,
    private readonly audits: AuditRunner,
  ) {}

  @Get(':referralId')
  @RequireScopes(Scope.AuditRead)
  @ApiRead({ summary: 'What a referring country knew about a referral at asOf: domain state, ledger entry and the event timeline (supervisors of a referring country; needs a purpose)', notFound: 'No such referral, or not one your country referred (REFERRAL_NOT_FOUND).' })
  replay(@Req() req: FastifyRequest, @UuidParam('referralId') referralId: string, @Query() q: ReplayQueryDto) {
    parseAsOf(q.asOf);
    return this.gateway.consult(req, { fields: 'personal', query: 'replayReferral', params: { referralId, ...(q.asOf ? { asOf: q.asOf } : {}) } }, async ({ viewer }) => {
      const data = await this.audits.run({ kind: 'replayReferral', referralId, viewerCountry: viewer.country, asOf: q.asOf });
      return { readAt: data.position ?? '-1', data };
    });
  }

  @Get(':referralId/verify')
  @RequireScopes(Scope.AuditRead)
  @ApiRead({ summary: 'Checks one referral stream\'s hash chain and revisions; names the first broken link (supervisors of a referring country)', notFound: 'No such referral, or not one your country referred (REFERRAL_NOT_FOUND).' })
  verify(@Req() req: FastifyRequest, @UuidParam('referralId') referralId: string, @Query() _q: ReadQueryDto) {
    return this.gateway.consult(req, { fields: 'integrity', query: 'verifyReferral', params: { referralId } }, async ({ viewer }) =>
      this.audits.run({ kind: 'verifyReferral', referralId, viewerCountry: viewer.country }));
  }
}

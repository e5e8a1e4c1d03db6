import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { Scope } from '../../auth/index.js';
import { ApiCommand } from '../../commands/http/api-command.decorator.js';
import { ReferralCommandResultDto } from './referral-result.dto.js';

/** The shared command contract with the referral's defaults, for routes under /referrals/{referralId}/…. */
export function ApiReferralCommand(summary: string, description: string): MethodDecorator {
  return applyDecorators(
    ApiParam({ name: 'referralId', format: 'uuid', description: 'The referral (as answered when it was referred).' }),
    ApiCommand({ aggregate: 'referral', scope: Scope.CasesWrite, result: ReferralCommandResultDto, summary, description }),
  );
}

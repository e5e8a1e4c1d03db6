import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { Scope } from '../../auth/index.js';
import { ApiCommand } from '../../commands/http/api-command.decorator.js';
import { InformationRequestCommandResultDto } from './information-request-result.dto.js';

/** The shared command contract with the request's defaults, for routes under /information-requests/{requestId}/…. */
export function ApiInformationRequestCommand(summary: string, description: string): MethodDecorator {
  return applyDecorators(
    ApiParam({ name: 'requestId', format: 'uuid', description: 'The request (as answered when it was filed).' }),
    ApiCommand({ aggregate: 'information request', scope: Scope.CasesWrite, result: InformationRequestCommandResultDto, summary, description }),
  );
}

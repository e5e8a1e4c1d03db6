import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseCommandGateway } from '../../shared/case-command.gateway.js';
import { ApiCaseCommand, CASE_COMMANDS_TAG } from '../shared/api-case-command.decorator.js';
import { newEntityId } from '../../../commands/http/new-entity-id.js';
import { PersonRegisteredResultDto } from '../shared/case-command-result.dto.js';
import { ApiCaseParams, UuidParam } from '../../../commands/http/path-params.js';
import { RegisterPersonRequestDto } from './register-person.request.dto.js';

@ApiTags(CASE_COMMANDS_TAG)
@Controller('api/v1/cases')
export class RegisterPersonHttpController {
  constructor(@Inject(CaseCommandGateway) private readonly gateway: CaseCommandGateway) {}

  @Post(':caseId/persons')
  @ApiCaseParams('caseId')
  @ApiCaseCommand({
    summary: 'Register a person in a case',
    description: 'Owner or a contribute partner. The person id is generated unless the body gives one.',
    created: true,
    result: PersonRegisteredResultDto,
  })
  async register(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @UuidParam('caseId') caseId: string,
    @Body() body: RegisterPersonRequestDto,
  ): Promise<PersonRegisteredResultDto> {
    const personId = body.personId ?? newEntityId(req, 'personId');
    const result = await this.gateway.execute(req, reply, caseId, (metadata) => ({
      type: 'RegisterPerson',
      data: {
        caseId,
        personId,
        category: body.category,
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.pseudonym !== undefined ? { pseudonym: body.pseudonym } : {}),
        // IsOptional lets null through: null is "no aliases", as absent.
        ...(body.aliases != null ? { aliases: [...body.aliases] } : {}),
        ...(body.birthYear !== undefined ? { birthYear: body.birthYear } : {}),
        nationalities: (body.nationalities ?? []).map((n) => ({ country: n.country, evaluation: { ...n.evaluation } })),
      },
      metadata,
    }), 201);
    return { ...result, personId };
  }
}

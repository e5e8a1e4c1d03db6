import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlanActionDay } from '@liaison/domain';
import { Scope } from '../../../auth/index.js';
import { CommandGateway } from '../../../commands/command.gateway.js';
import { ApiCommand } from '../../../commands/http/api-command.decorator.js';
import { newEntityId } from '../../../commands/http/new-entity-id.js';
import { ACTION_DAY_AGGREGATE } from '../../action-day.descriptor.js';
import { ACTION_DAY_TAG, ActionDayCommandResultDto } from '../../shared/action-day-result.dto.js';
import { PlanActionDayRequestDto } from './plan-action-day.request.dto.js';

type Data = PlanActionDay['data'];

@ApiTags(ACTION_DAY_TAG)
@Controller('api/v1/referrals/action-days')
export class PlanActionDayHttpController {
  constructor(@Inject(CommandGateway) private readonly commands: CommandGateway) {}

  @Post()
  @ApiCommand({
    aggregate: 'action day', scope: Scope.CasesWrite, created: true, notFound: false, result: ActionDayCommandResultDto,
    summary: 'Plan a referral action day', description: 'The organiser\'s country and the participating countries see the day and may submit lists to it.',
  })
  async plan(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: PlanActionDayRequestDto,
  ): Promise<ActionDayCommandResultDto> {
    const actionDayId = body.actionDayId ?? newEntityId(req, 'actionDayId');
    return this.commands.execute(req, reply, ACTION_DAY_AGGREGATE, actionDayId, (metadata) => ({
      type: 'PlanActionDay',
      data: {
        actionDayId, title: body.title, coordinator: body.coordinator as Data['coordinator'], coordinatorName: body.coordinatorName,
        platform: body.platform as Data['platform'], date: body.date, participatingCountries: body.participatingCountries,
      },
      metadata,
    }), 201);
  }
}

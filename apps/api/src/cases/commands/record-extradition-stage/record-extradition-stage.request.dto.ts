import { EXTRADITION_STAGES, type ExtraditionStage } from '@liaison/domain';
import { Instant, OneOf } from '../../../commands/http/field-validators.js';

export class RecordExtraditionStageRequestDto {
  @OneOf(EXTRADITION_STAGES, { description: 'Milestone in the executing state; must belong to the route and come in order.', example: 'arrested' })
  stage!: ExtraditionStage;

  @Instant({ description: 'When the stage was reached; not in the future.', example: '2025-03-05T18:40:00+01:00' })
  reachedAt!: string;
}

import { EvaluationDto } from '../shared/evaluation.dto.js';
import { Country } from '../../../commands/http/field-validators.js';
import { Evaluation } from '../shared/nested.js';

export class UpdateHandlerLocationRequestDto {
  @Country({ description: 'Where the handler is now believed to be.', example: 'AE' })
  believedCountry!: string;

  @Evaluation('How reliable the new location is.')
  evaluation!: EvaluationDto;
}

import { EvaluationDto } from '../shared/evaluation.dto.js';
import { Country } from '../../../commands/http/field-validators.js';
import { Evaluation } from '../shared/nested.js';

export class RecordNationalityRequestDto {
  @Country({ description: 'Believed nationality, ISO 3166-1 alpha-2.', example: 'SE' })
  country!: string;

  @Evaluation('How reliable the claim is; recording a country again updates its evaluation.')
  evaluation!: EvaluationDto;
}

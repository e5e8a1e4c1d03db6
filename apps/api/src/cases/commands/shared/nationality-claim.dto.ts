import { Country } from '../../../commands/http/field-validators.js';
import { Evaluation } from './nested.js';
import { EvaluationDto } from './evaluation.dto.js';

/** A believed nationality and how sure the officer is of it. */
export class NationalityClaimDto {
  @Country({ description: 'Nationality, ISO 3166-1 alpha-2.', example: 'SE' })
  country!: string;

  @Evaluation('How reliable the claim is.')
  evaluation!: EvaluationDto;
}

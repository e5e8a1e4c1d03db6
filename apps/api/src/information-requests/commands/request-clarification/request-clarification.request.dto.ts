import { FreeText, Instant } from '../../../commands/http/field-validators.js';

export class RequestClarificationRequestDto {
  @FreeText(4000, { description: 'What needs clarifying.', example: 'Which of the two fictional numbers is meant?' })
  question!: string;

  @Instant({ optional: true, description: 'When the request for clarification reached the requesting side; defaults to now.' })
  requestedAt?: string;
}

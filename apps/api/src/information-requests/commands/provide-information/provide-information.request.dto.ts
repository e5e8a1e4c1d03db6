import { Flag, FreeText, Instant } from '../../../commands/http/field-validators.js';

export class ProvideInformationRequestDto {
  @FreeText(4000, { description: 'What was provided (a summary; the information itself travels over SIENA).', example: 'Subscriber data for the fictional number' })
  summary!: string;

  @Flag({ optional: true, description: 'Only part of what was asked for.', example: false })
  partial?: boolean;

  @Instant({ optional: true, description: 'When it was provided; defaults to now.' })
  providedAt?: string;
}

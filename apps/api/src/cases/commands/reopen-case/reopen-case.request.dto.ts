import { Reason } from '../shared/reason.js';

export class ReopenCaseRequestDto {
  @Reason('Why the case is reopened.', 'New information from a seized phone links a further suspect.')
  reason!: string;
}
